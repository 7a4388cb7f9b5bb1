import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { formatJstDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { labelOf } from '../i18n/labels';
import { wordProblem } from '../i18n/problems';
import { readQuery } from '../session/useRead';
import { useSession } from '../session/session';
import './sync-status.css';

/** How often the strip asks the desktop (its own door answers: no round trip to the team server). */
const POLL_MS = 2000;

/**
 * Always on screen on a team desktop: online or offline, how many operations wait to be sent, when the desktop
 * last synchronised, and the operations the server refused, with its reason in the rep's language. When a
 * synchronisation brought news, every screen reads again.
 */
export function SyncStatus() {
  const { t, language } = useI18n();
  const { call } = useSession();
  const queries = useQueryClient();
  const { data } = useQuery({
    ...readQuery(call, 'sync.status', {}),
    // A ledger of this computer only has nothing to synchronise: asked once.
    refetchInterval: (query) => (query.state.data?.mode === 'team' ? POLL_MS : false),
  });
  const seen = useRef<number | null>(null);
  const revision = data?.revision ?? null;
  useEffect(() => {
    if (revision !== null && seen.current !== null && revision !== seen.current)
      void queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'sync.status' });
    seen.current = revision;
  }, [revision, queries]);
  const synced = data?.lastSyncedAt ?? null;
  if (!data || data.mode !== 'team') return null;
  return (
    <section className="sync-status" aria-label={t('sync.label')} data-online={data.online}>
      <span className={data.online ? 'sync-status__online' : 'sync-status__offline'}>
        {data.online ? t('sync.online') : t('sync.offline')}
      </span>
      <span className="sync-status__waiting">{t('sync.waiting', { count: data.waiting })}</span>
      <span className="sync-status__last">
        {synced === null ? t('sync.never') : t('sync.lastSynced', { time: formatJstDateTime(synced) })}
      </span>
      {data.problems.length > 0 ? (
        <details className="sync-status__problems">
          <summary>{t('sync.problems', { count: data.problems.length })}</summary>
          <ul>
            {data.problems.map((p) => (
              <li key={p.id}>
                {t('sync.problem', {
                  time: formatJstDateTime(p.madeAt),
                  operation: labelOf(t, 'op', p.operation),
                  subject: p.subject,
                  reason: wordProblem(p, language),
                })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
