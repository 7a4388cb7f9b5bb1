import { useState } from 'react';
import type { CallFailure } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { Yen } from '../common/Yen';

const DECISIONS = ['accept', 'refund', 'hold'] as const;

/** Held deposits (short or excess amounts) and accounting's decision on each: accept, refund or keep holding. */
export function HeldDeposits() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayDecide = useMayCall()('deposits.decide');
  const held = useRead('deposits.held', {});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<CallFailure | null>(null);

  async function decide(bankReference: string, decision: (typeof DECISIONS)[number]) {
    const result = await call('deposits.decide', { bankReference, decision, reason: reasons[bankReference] ?? '' });
    setFailure(result.ok ? null : result);
  }

  return (
    <section className="panel" aria-labelledby="held-title">
      <h2 id="held-title">{t('deposits.heldTitle')}</h2>
      {held.failure ? <Refusal operation="deposits.held" failure={held.failure} /> : null}
      {failure ? <Refusal operation="deposits.decide" failure={failure} /> : null}
      {held.data && held.data.length === 0 ? <p className="muted">{t('deposits.heldNone')}</p> : null}
      {held.data && held.data.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('deposits.col.reference')}</th>
              <th>{t('deposits.col.valueDate')}</th>
              <th>{t('deposits.col.statement')}</th>
              <th className="num">{t('deposits.col.amount')}</th>
              <th className="num">{t('deposits.col.expected')}</th>
              <th>{t('deposits.col.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {held.data.map((d) => (
              <tr key={d.bankReference}>
                <td className="mono">{d.bankReference}</td>
                <td>{formatJstDate(d.valueDate)}</td>
                <td className="mono">{d.statementNumber || t('common.none')}</td>
                <td className="num">
                  <Yen value={d.amount} />
                </td>
                <td className="num">
                  <Yen value={d.expected} />
                </td>
                <td className="row-actions">
                  {mayDecide ? (
                    <>
                      <input
                        aria-label={t('deposits.reasonFor', { reference: d.bankReference })}
                        placeholder={t('deposits.reason')}
                        value={reasons[d.bankReference] ?? ''}
                        onChange={(e) => setReasons((r) => ({ ...r, [d.bankReference]: e.target.value }))}
                      />
                      {DECISIONS.map((decision) => (
                        <button
                          key={decision}
                          type="button"
                          disabled={!(reasons[d.bankReference] ?? '').trim()}
                          onClick={() => void decide(d.bankReference, decision)}
                        >
                          {t(`deposits.decide.${decision}`)}
                        </button>
                      ))}
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
