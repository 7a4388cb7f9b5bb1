import { useState, type FormEvent } from 'react';
import type { CallFailure } from '../api/client';
import { Field } from '../components/Field';
import { Progress } from '../components/Progress';
import { Refusal } from '../components/Refusal';
import { useI18n } from '../i18n/i18n';
import { wordProblem } from '../i18n/problems';
import { useSession } from '../session/session';
import './join-team.css';

/**
 * First start, the other choice: this desktop works on a team server (https, its certificate checked, the
 * company CA pinned when given) instead of a ledger of its own. The desktop's door checks the server first.
 */
export function JoinTeam({ onJoined }: { onJoined(server: string): void }) {
  const { t, language } = useI18n();
  const { call } = useSession();
  const [server, setServer] = useState('https://');
  const [ca, setCa] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const fieldProblem = failure?.problems?.find((p) => p.path === 'server' || p.path === 'ca');

  async function join(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await call('sync.joinTeam', { server: server.trim(), ...(ca.trim() ? { ca: ca.trim() } : {}) });
    setBusy(false);
    if (result.ok) return onJoined(result.output.server);
    setFailure(result);
  }

  return (
    <details className="join-team">
      <summary>{t('team.join')}</summary>
      <form onSubmit={join} noValidate aria-label={t('team.join')}>
        <p>{t('team.joinIntro')}</p>
        {failure && !fieldProblem ? <Refusal operation="sync.joinTeam" failure={failure} /> : null}
        <Field
          label={t('team.server')}
          error={fieldProblem?.path === 'server' ? wordProblem(fieldProblem, language) : undefined}
        >
          {(c) => <input {...c} name="server" type="url" value={server} onChange={(e) => setServer(e.target.value)} />}
        </Field>
        <Field
          label={t('team.ca')}
          error={fieldProblem?.path === 'ca' ? wordProblem(fieldProblem, language) : undefined}
        >
          {(c) => <textarea {...c} name="ca" rows={4} value={ca} onChange={(e) => setCa(e.target.value)} />}
        </Field>
        <div className="actions">
          {busy ? (
            <Progress label={t('team.connecting')} />
          ) : (
            <button type="submit" className="primary">
              {t('team.connect')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
