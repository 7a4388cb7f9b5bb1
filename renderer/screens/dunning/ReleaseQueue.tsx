import { useState } from 'react';
import type { CallFailure, Output } from '../../api/client';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDateTime } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';

type Waiting = Output<'dunning.awaitingRelease'>['commands'][number];

/**
 * R-DUN-9: the VM deletions that wait for a supervisor. The supervisor releases one (after a confirmation that
 * names the account) or holds the account at Suspend with a reason; accounting sees the queue only.
 */
export function ReleaseQueue() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const waiting = useRead('dunning.awaitingRelease', {});
  const [said, setSaid] = useState<string | null>(null);
  if (waiting.failure) return <Refusal operation="dunning.awaitingRelease" failure={waiting.failure} />;
  if (!waiting.data) return null;
  const mayDecide = mayCall('dunning.releaseCommand');
  return (
    <section className="panel" aria-labelledby="release-title">
      <h2 id="release-title">
        {t('release.title')} <span className="muted">({waiting.data.commands.length})</span>
      </h2>
      <p className="small">{t('release.explain')}</p>
      {waiting.data.commands.length === 0 ? <p className="muted">{t('release.empty')}</p> : null}
      {waiting.data.commands.map((c) => (
        <WaitingCommand key={c.outboxId} command={c} mayDecide={mayDecide} onDecided={setSaid} />
      ))}
      <Notice>{said}</Notice>
    </section>
  );
}

function WaitingCommand({
  command: c,
  mayDecide,
  onDecided,
}: {
  command: Waiting;
  mayDecide: boolean;
  onDecided: (said: string) => void;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const [asked, setAsked] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);

  async function release() {
    setBusy(true);
    const result = await call('dunning.releaseCommand', { outboxId: c.outboxId });
    setBusy(false);
    setAsked(false);
    setFailure(result.ok ? null : result);
    if (result.ok) onDecided(t('release.released', { account: c.cloudAccountCode }));
  }

  async function hold() {
    setBusy(true);
    const result = await call('dunning.holdAtSuspend', { outboxId: c.outboxId, reason });
    setBusy(false);
    setFailure(result.ok ? null : result);
    if (result.ok) onDecided(t('release.held', { account: c.cloudAccountCode }));
  }

  return (
    <article className="release" data-account={c.cloudAccountCode} aria-label={c.cloudAccountCode}>
      <p>
        <span className="mono">{c.cloudAccountCode}</span>{' '}
        <a href={routeHref('members', c.memberNumber)}>{c.memberName}</a>{' '}
        <span className="mono muted">{c.memberNumber}</span> · {t('release.decidedFor')}{' '}
        <span className="mono">{formatJstDateTime(c.decidedFor)}</span>
      </p>
      {mayDecide ? (
        <div className="row-actions">
          <button type="button" className="danger" disabled={busy || asked} onClick={() => setAsked(true)}>
            {t('release.release')}
          </button>
          <input
            aria-label={t('release.reason')}
            placeholder={t('release.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="button" disabled={busy || !reason.trim()} onClick={() => void hold()}>
            {t('release.hold')}
          </button>
        </div>
      ) : null}
      {asked ? (
        <ConfirmIrreversible
          title={t('release.title')}
          confirmLabel={t('release.confirmButton')}
          busy={busy}
          onConfirm={() => void release()}
          onCancel={() => setAsked(false)}
        >
          <p>{t('release.confirm', { account: c.cloudAccountCode, member: c.memberName })}</p>
        </ConfirmIrreversible>
      ) : null}
      {failure ? <Refusal operation="dunning.releaseCommand" failure={failure} /> : null}
    </article>
  );
}
