import { formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import type { Translate } from '../../i18n/i18n';
import type { Output } from '../../api/client';

type BoardAccount = Output<'dunning.board'>['accounts'][number];

/**
 * A transition's cause in the person's language. The ledger keeps the status machine's English sentence, which
 * starts with its rule id (`R-DUN-5 bill 1 … not paid in full by …`): the id picks the dictionary's sentence,
 * a lift (to Active) its own; anything else is shown as recorded.
 */
function causeLabel(t: Translate, cause: string, to: string): { text: string; rule: string | null } {
  const rule = /^R-[A-Z]+-\d+/.exec(cause)?.[0] ?? null;
  if (!rule) return { text: labelOf(t, 'statusCause', cause), rule: null };
  const key = to === 'active' ? `lift.${rule}` : rule;
  const text = labelOf(t, 'statusCause', key);
  return text === key ? { text: cause, rule: null } : { text, rule };
}

/** An account's transitions (cause and time, R-DUN-7) and the platform commands the outbox holds for it. */
export function AccountTimeline({ account }: { account: BoardAccount }) {
  const { t } = useI18n();
  return (
    <div className="timeline">
      {account.history.length === 0 ? <p className="muted small">{t('dunning.noHistory')}</p> : null}
      <ol className="timeline__steps">
        {account.history.map((h, i) => (
          <li key={i}>
            <span className="mono small">{formatJstDateTime(h.at)}</span>{' '}
            {h.from ? labelOf(t, 'accountStatus', h.from) : '—'} → <strong>{labelOf(t, 'accountStatus', h.to)}</strong>{' '}
            <Cause t={t} cause={h.cause} to={h.to} />
          </li>
        ))}
      </ol>
      {account.commands.length > 0 ? (
        <ul className="timeline__commands" aria-label={t('dunning.commandsOf', { account: account.cloudAccountCode })}>
          {account.commands.map((c) => (
            <li key={c.id} className="small">
              <span title={c.topic}>{labelOf(t, 'command', c.topic)}</span>{' '}
              <span className="tag">{labelOf(t, 'outboxStatus', c.status)}</span>{' '}
              <span className="muted">{formatJstDateTime(c.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Cause({ t, cause, to }: { t: Translate; cause: string; to: string }) {
  const { text, rule } = causeLabel(t, cause, to);
  return (
    <span className="muted small" title={cause}>
      {text}
      {rule ? <span className="mono"> {rule}</span> : null}
    </span>
  );
}
