import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { AccountTimeline } from '../dunning/AccountTimeline';
import { MemberPrepaid } from '../prepaid/MemberPrepaid';
import { BillsPanel } from '../usage/MonthBills';
import { Yen } from '../common/Yen';

/** The member's page beyond identity: each account's bills, estimates, prepaid IDs and balances, status history. */
export function MemberExtras({ memberNumber, accounts }: { memberNumber: string; accounts: string[] }) {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const estimates = useRead('estimates.list', { memberNumber }, { enabled: mayCall('estimates.list') });
  const board = useRead('dunning.board', { memberNumber }, { enabled: mayCall('dunning.board') });
  const touched = (board.data?.accounts ?? []).filter((a) => a.history.length > 0 || a.commands.length > 0);
  return (
    <>
      {mayCall('billing.accountBills')
        ? accounts.map((account) => (
            <BillsPanel
              key={account}
              query={{ operation: 'billing.accountBills', input: { account } }}
              title={t('members.billsOf', { account })}
              titleId={`member-bills-${account}`}
            />
          ))
        : null}
      {estimates.data && estimates.data.length > 0 ? (
        <section className="panel" aria-labelledby="member-estimates">
          <h2 id="member-estimates">{t('members.estimates')}</h2>
          <ul className="plain-list">
            {estimates.data.map((e) => (
              <li key={e.estimateNumber}>
                <span className="mono">{e.estimateNumber}</span> <Yen value={e.amount} />{' '}
                {labelOf(t, 'estimateStatus', e.status)}{' '}
                {e.validUntil ? (
                  <span className="muted small">{t('members.validUntil', { date: formatJstDate(e.validUntil) })}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {mayCall('prepaid.list') ? <MemberPrepaid memberNumber={memberNumber} /> : null}
      {touched.length > 0 ? (
        <section className="panel" aria-labelledby="member-status-history">
          <h2 id="member-status-history">{t('members.statusHistory')}</h2>
          {touched.map((a) => (
            <div key={a.cloudAccountCode}>
              <h3 className="mono">
                {a.cloudAccountCode} {labelOf(t, 'accountStatus', a.status)}
              </h3>
              <AccountTimeline account={a} />
            </div>
          ))}
        </section>
      ) : null}
    </>
  );
}
