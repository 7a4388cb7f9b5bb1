import { useState } from 'react';
import { Refusal } from '../../components/Refusal';
import { formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { routeHref } from '../../hooks/useHashRoute';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Yen } from '../common/Yen';
import { MonthStatements } from './MonthStatements';

/**
 * The month overview: per month, its usage imported, its close, the statements made and how many were printed
 * or sent, with counts and totals; a closed month opens its statements for printing.
 */
export function MonthsScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const overview = useRead('billing.monthOverview', {});
  const [shown, setShown] = useState<string | null>(null);
  return (
    <section aria-labelledby="months-title">
      <div className="screen-head">
        <h1 id="months-title">{t('months.title')}</h1>
        <a href={routeHref('usage')}>{t('usage.title')}</a>
      </div>
      {overview.failure ? <Refusal operation="billing.monthOverview" failure={overview.failure} /> : null}
      {overview.data ? (
        <div className="panel table-scroll">
          {overview.data.months.length === 0 ? <p className="muted">{t('months.empty')}</p> : null}
          {overview.data.months.length > 0 ? (
            <table className="data-table months-table">
              <thead>
                <tr>
                  <th>{t('months.month')}</th>
                  <th className="num">{t('months.imported')}</th>
                  <th>{t('months.state')}</th>
                  <th className="num">{t('months.bills')}</th>
                  <th className="num">{t('months.total')}</th>
                  <th className="num">{t('months.due')}</th>
                  <th className="num">{t('months.statements')}</th>
                  <th className="num">{t('months.printed')}</th>
                  <th className="num">{t('months.sent')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {overview.data.months.map((m) => (
                  <tr key={m.month} data-month={m.month}>
                    <td className="mono">{m.month}</td>
                    <td className="num">
                      {m.usageImports} / {m.accountsImported}
                    </td>
                    <td>
                      {t(`months.state.${m.state}`)}
                      {m.closedAt ? <span className="muted small"> {formatJstDateTime(m.closedAt)}</span> : null}
                    </td>
                    <td className="num">{m.bills}</td>
                    <td className="num">
                      <Yen value={m.total} />
                    </td>
                    <td className="num">
                      <Yen value={m.amountDue} />
                    </td>
                    <td className="num">{m.statements}</td>
                    <td className="num">{m.printed}</td>
                    <td className="num">{m.sent}</td>
                    <td>
                      {m.state === 'closed' && mayCall('billing.monthStatements') ? (
                        <button type="button" onClick={() => setShown(m.month)}>
                          {t('months.show', { month: m.month })}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
      {shown ? <MonthStatements month={shown} /> : null}
    </section>
  );
}
