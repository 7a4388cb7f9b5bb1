import { useState } from 'react';
import type { CallFailure } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate, formatYen } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import '../common/confirm-step.css';

/**
 * R-PRE-11: accounting closes one of the member's cloud accounts, after a confirmation that says what will
 * happen (prepaid balances voided, the final bill at the month close, the platform told).
 */
export function CloseCloudAccount({ accounts }: { accounts: { code: string; closedAt: string | null }[] }) {
  const { t } = useI18n();
  const { call } = useSession();
  const open = accounts.filter((a) => a.closedAt === null);
  const [code, setCode] = useState(open[0]?.code ?? '');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const closed = accounts.filter((a) => a.closedAt !== null);

  async function close() {
    const result = await call('cloudAccounts.close', { code, reason: reason.trim() });
    setConfirming(false);
    setFailure(result.ok ? null : result);
    if (!result.ok) return;
    const out = result.output;
    setSaid(
      out.alreadyClosed
        ? t('accountClose.already', { code: out.code })
        : t('accountClose.done', {
            code: out.code,
            total: formatYen(out.voided.total),
            count: out.voided.count,
            month: out.finalBillMonth,
          }),
    );
    setReason('');
  }

  return (
    <section className="panel" aria-labelledby="account-close-title">
      <h2 id="account-close-title">{t('accountClose.title')}</h2>
      <Notice>{said}</Notice>
      {failure ? <Refusal operation="cloudAccounts.close" failure={failure} /> : null}
      {closed.map((a) => (
        <p key={a.code} className="muted small">
          <span className="mono">{a.code}</span> {t('accountClose.closedOn', { date: formatJstDate(a.closedAt) })}
        </p>
      ))}
      {open.length > 0 ? (
        <div className="form">
          <label className="field">
            {t('accountClose.account')}
            <select
              value={code}
              onChange={(e) => {
                setCode(e.target.value);
                setConfirming(false);
              }}
            >
              {open.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.code}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            {t('accountClose.reason')}
            <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          {confirming ? (
            <div className="confirm" role="alertdialog" aria-labelledby="account-close-confirm">
              <p id="account-close-confirm">{t('accountClose.confirm', { code })}</p>
              <button type="button" className="danger" onClick={() => void close()}>
                {t('accountClose.yes')}
              </button>{' '}
              <button type="button" onClick={() => setConfirming(false)}>
                {t('accountClose.no')}
              </button>
            </div>
          ) : (
            <button type="button" disabled={!code || !reason.trim()} onClick={() => setConfirming(true)}>
              {t('accountClose.submit')}
            </button>
          )}
        </div>
      ) : null}
    </section>
  );
}
