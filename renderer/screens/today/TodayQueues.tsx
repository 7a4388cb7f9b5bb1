import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import type { MessageKey } from '../../i18n/ja';
import { LateIssuances } from '../prepaid/LateIssuances';

/** What needs a person today: deposits to review, prepaid IDs due or late, accounts entering Restricted or Suspend. */
export function TodayQueues() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const review = useRead('bank.reviewQueue', {}, { enabled: mayCall('bank.reviewQueue') });
  const held = useRead('deposits.held', {}, { enabled: mayCall('deposits.held') });
  const dunning = useRead('dunning.board', {}, { enabled: mayCall('dunning.board') });
  const troubled = (dunning.data?.accounts ?? []).filter((a) => a.status === 'restricted' || a.status === 'suspended');

  const alerts: { key: MessageKey; n: number; route: string }[] = [
    { key: 'today.alert.review', n: review.data?.length ?? 0, route: 'deposits' },
    { key: 'today.alert.held', n: held.data?.length ?? 0, route: 'deposits' },
    { key: 'today.alert.restricted', n: troubled.length, route: 'dunning' },
  ];
  const showing = alerts.filter((a) => a.n > 0);

  return (
    <>
      <section className="panel" aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t('today.alerts')}</h2>
        {showing.length === 0 ? <p className="muted">{t('today.noAlerts')}</p> : null}
        <ul className="alerts">
          {showing.map((a) => (
            <li key={a.key}>
              <a href={routeHref(a.route)}>{t(a.key, { count: a.n })}</a>
            </li>
          ))}
        </ul>
      </section>
      {mayCall('prepaid.lateIssuances') ? <LateIssuances compact /> : null}
      {troubled.length > 0 ? (
        <section className="panel" aria-labelledby="troubled-title">
          <h2 id="troubled-title">{t('today.troubled')}</h2>
          <table className="table table--compact">
            <tbody>
              {troubled.map((a) => (
                <tr key={a.cloudAccountCode}>
                  <td className="mono">{a.cloudAccountCode}</td>
                  <td>{a.memberName}</td>
                  <td>{labelOf(t, 'accountStatus', a.status)}</td>
                  <td className="muted small">{a.history.at(-1)?.cause ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}
