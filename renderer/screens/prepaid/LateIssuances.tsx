import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { list, num, str } from '../common/read';
import { useOperation } from '../common/useOperation';
import { Yen } from '../common/Yen';

export const lateIn = (output: unknown) =>
  list(output).map((v) => ({ statementNumber: str(v, 'statementNumber'), memberNumber: str(v, 'memberNumber'), amount: str(v, 'amount'), issueDueDate: str(v, 'issueDueDate'), daysLate: num(v, 'daysLate') ?? 0 }));

/** R-PRE-3: paid statements whose prepaid ID is due (3 to 5 business days after the deposit) or late. */
export function LateIssuances({ refresh = 0, compact = false }: { refresh?: number; compact?: boolean }) {
  const { t } = useI18n();
  const late = useOperation('prepaid.lateIssuances', {}, lateIn, { refresh });
  return (
    <section className="panel" aria-labelledby="late-title">
      <h2 id="late-title">{t('prepaid.lateTitle')}</h2>
      {late.failure ? <Refusal operation="prepaid.lateIssuances" failure={late.failure} /> : null}
      {late.data && late.data.length === 0 ? <p className="muted">{t('prepaid.lateNone')}</p> : null}
      {late.data && late.data.length > 0 ? (
        <table className={compact ? 'table table--compact' : 'table'}>
          <thead>
            <tr>
              <th>{t('prepaid.col.statement')}</th>
              <th>{t('prepaid.col.member')}</th>
              <th className="num">{t('prepaid.col.amount')}</th>
              <th>{t('prepaid.col.issueDue')}</th>
              <th>{t('prepaid.col.state')}</th>
            </tr>
          </thead>
          <tbody>
            {late.data.map((l) => (
              <tr key={l.statementNumber}>
                <td className="mono">{l.statementNumber}</td>
                <td className="mono">{l.memberNumber}</td>
                <td className="num">
                  <Yen value={l.amount} />
                </td>
                <td>{formatJstDate(l.issueDueDate)}</td>
                <td className={l.daysLate > 0 ? 'outcome--refused' : ''}>{l.daysLate > 0 ? t('prepaid.daysLate', { days: l.daysLate }) : t('prepaid.due')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
