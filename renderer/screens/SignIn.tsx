import { useState, type FormEvent } from 'react';
import type { CallFailure } from '../api/client';
import { useSession } from '../session/session';
import { Field } from '../components/Field';
import { Refusal } from '../components/Refusal';
import { useI18n } from '../i18n/i18n';
import { roleList } from '../i18n/labels';
import type { Welcome } from './welcome';

export function SignIn({ welcome }: { welcome: Welcome | null }) {
  const { t } = useI18n();
  const { signIn, expired, notice } = useSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await signIn(login.trim(), password);
    setBusy(false);
    if (!result.ok) {
      setFailure(result);
      setPassword('');
    }
  }

  return (
    <div className="centered">
      <form className="card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('signIn.title')}</h1>
        {notice && !failure ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        {expired && !failure && !notice ? (
          <p className="notice" role="status">
            {t('refusal.unauthenticated')}
          </p>
        ) : null}
        {welcome?.kind === 'created' ? (
          <p className="notice" role="status">
            {t('firstRun.created')}
          </p>
        ) : null}
        {welcome?.kind === 'joined' ? (
          <p className="notice" role="status">
            {t('team.joined', { server: welcome.server })}
          </p>
        ) : null}
        {welcome?.kind === 'demo' ? (
          <div className="notice" role="status">
            <p>
              {t('firstRun.demoSummary', {
                members: welcome.members.toLocaleString('ja-JP'),
                accounts: welcome.cloudAccounts.toLocaleString('ja-JP'),
              })}
            </p>
            <table className="table table--compact" aria-label={t('signIn.demoOperators')}>
              <thead>
                <tr>
                  <th>{t('signIn.col.login')}</th>
                  <th>{t('signIn.col.roles')}</th>
                  <th>{t('signIn.col.password')}</th>
                </tr>
              </thead>
              <tbody>
                {welcome.operators.map((op) => (
                  <tr key={op.login}>
                    <td className="mono">{op.login}</td>
                    <td>{roleList(t, op.roles)}</td>
                    <td className="mono">{op.password}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {failure ? <Refusal operation="session.signIn" failure={failure} /> : null}
        <Field label={t('signIn.login')}>
          {(c) => (
            <input {...c} autoComplete="username" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus />
          )}
        </Field>
        <Field label={t('signIn.password')}>
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !login || !password}>
            {busy ? t('signIn.working') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
