import { formatJstDateTime } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import type { BoardAccount } from './board-shape';

/** An account's transitions (cause and time, R-DUN-7) and the platform commands the outbox holds for it. */
export function AccountTimeline({ account }: { account: BoardAccount }) {
  const { t } = useI18n();
  return (
    <div className="timeline">
      {account.history.length === 0 ? <p className="muted small">{t('dunning.noHistory')}</p> : null}
      <ol className="timeline__steps">
        {account.history.map((h, i) => (
          <li key={i}>
            <span className="mono small">{formatJstDateTime(h.at)}</span> {h.from ? labelOf(t, 'accountStatus', h.from) : '—'} → <strong>{labelOf(t, 'accountStatus', h.to)}</strong>{' '}
            <span className="muted small">{labelOf(t, 'statusCause', h.cause)}</span>
          </li>
        ))}
      </ol>
      {account.commands.length > 0 ? (
        <ul className="timeline__commands" aria-label={t('dunning.commandsOf', { account: account.code })}>
          {account.commands.map((c) => (
            <li key={c.id} className="small">
              <span className="mono">{c.topic}</span> <span className="tag">{labelOf(t, 'outboxStatus', c.status)}</span> <span className="muted">{formatJstDateTime(c.createdAt)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
