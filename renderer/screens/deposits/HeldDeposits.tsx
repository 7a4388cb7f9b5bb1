import { useState } from 'react';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { list, str } from '../common/read';
import { useOperation, type Failure } from '../common/useOperation';
import { Yen } from '../common/Yen';

const heldIn = (output: unknown) =>
  list(output).map((v) => ({
    bankReference: str(v, 'bankReference'),
    amount: str(v, 'amount'),
    expected: str(v, 'expected'),
    valueDate: str(v, 'valueDate'),
    statementNumber: str(v, 'statementNumber'),
    note: str(v, 'note'),
  }));

const DECISIONS = ['accept', 'refund', 'hold'] as const;

/** Held deposits (short or excess amounts) and accounting's decision on each: accept, refund or keep holding. */
export function HeldDeposits({ round }: { round: number }) {
  const { t } = useI18n();
  const { call } = useSession();
  const mayDecide = useMayCall()('deposits.decide');
  const held = useOperation('deposits.held', {}, heldIn, { refresh: round });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | null>(null);

  async function decide(bankReference: string, decision: (typeof DECISIONS)[number]) {
    const result = await call('deposits.decide', { bankReference, decision, reason: reasons[bankReference] ?? '' });
    setFailure(result.ok ? null : result);
    if (result.ok) held.reload();
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
