import { addDays, formatDate, parseDate } from '../../../core/time';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { formatJstDate, todayJst } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Yen } from '../common/Yen';

/** Whole days from `from` to `to` (JST calendar dates). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * prepaid.lateIssuances lists what is due before the date it is given; asked about a week ahead (R-PRE-3 dues are
 * 3 to 5 business days out), it lists what is due soon as well as what is late, and lateness is counted from today.
 */
const AHEAD_DAYS = 8;

/** R-PRE-3: paid statements whose prepaid ID is due (3 to 5 business days after the deposit) or late. */
export function LateIssuances({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const today = todayJst();
  const ahead = formatDate(addDays(parseDate(today)!, AHEAD_DAYS));
  const late = useRead('prepaid.lateIssuances', { date: ahead });
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
            {late.data.map((l) => {
              const daysLate = daysBetween(l.issueDueDate, today);
              return (
                <tr key={l.statementNumber}>
                  <td className="mono">{l.statementNumber}</td>
                  <td className="mono">{l.memberNumber}</td>
                  <td className="num">
                    <Yen value={l.amount} />
                  </td>
                  <td>{formatJstDate(l.issueDueDate)}</td>
                  <td className={daysLate > 0 ? 'outcome--refused' : ''}>
                    {daysLate > 0
                      ? t('prepaid.daysLate', { days: daysLate })
                      : t('prepaid.dueOn', { date: formatJstDate(l.issueDueDate) })}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
