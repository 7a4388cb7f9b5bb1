import { useState } from 'react';
import type { CallFailure } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate, todayJst } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Yen } from '../common/Yen';

/** R-ACC-1: money owed back to payers (未払金) until accounting says the refund left the bank. */
export function Refunds() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const refunds = useRead('bank.refunds', { status: 'to_pay' });
  const [paidOn, setPaidOn] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  async function pay(refundId: number) {
    const day = paidOn[refundId] ?? todayJst();
    const result = await call('bank.payRefund', { refundId, paidOn: day });
    setFailure(result.ok ? null : result);
    if (result.ok) setSaid(t('bank.refundPaid', { paidOn: result.output.paidOn }));
  }

  return (
    <section className="panel" aria-labelledby="refunds-title">
      <h2 id="refunds-title">{t('bank.refundsTitle')}</h2>
      <Notice>{said}</Notice>
      {refunds.failure ? <Refusal operation="bank.refunds" failure={refunds.failure} /> : null}
      {failure ? <Refusal operation="bank.payRefund" failure={failure} /> : null}
      {refunds.data && refunds.data.length === 0 ? <p className="muted">{t('bank.refundsNone')}</p> : null}
      {refunds.data && refunds.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('deposits.col.valueDate')}</th>
              <th>{t('bank.col.payer')}</th>
              <th>{t('bank.col.amount')}</th>
              <th>{t('bank.col.refundReason')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {refunds.data.map((r) => (
              <tr key={r.refundId} className="refund-row">
                <td>{formatJstDate(r.valueDate)}</td>
                <td>
                  {r.memberName ?? r.payer} {r.memberName ? <span className="muted small">{r.payer}</span> : null}
                </td>
                <td>
                  <Yen value={r.amount} />
                </td>
                <td>{r.reason}</td>
                <td>
                  {mayCall('bank.payRefund') ? (
                    <>
                      <input
                        type="date"
                        aria-label={t('bank.paidOnFor', { id: r.refundId })}
                        value={paidOn[r.refundId] ?? todayJst()}
                        onChange={(e) => setPaidOn((x) => ({ ...x, [r.refundId]: e.target.value }))}
                      />{' '}
                      <button type="button" onClick={() => void pay(r.refundId)}>
                        {t('bank.payRefund')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
