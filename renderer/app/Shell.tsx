import type { ReactNode } from 'react';
import { routeHref } from '../hooks/useHashRoute';
import { useI18n } from '../i18n/i18n';
import { roleList } from '../i18n/labels';
import { jobsFor } from './jobs';
import { LanguageSwitch } from './LanguageSwitch';
import { useSession } from '../session/session';
import { useMayCall } from '../session/useMayCall';
import { SyncStatus } from './SyncStatus';

/** Header (title, operator, language, sign-out), the job menu, and the current screen. */
export function Shell({ current, children }: { current?: string; children: ReactNode }) {
  const { t } = useI18n();
  const { operator, signOut } = useSession();
  const mayCall = useMayCall();
  return (
    <div className={operator ? 'shell' : 'shell shell--bare'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell__header">
        <span className="shell__title">{t('app.title')}</span>
        <div className="shell__tools">
          <SyncStatus />
          <LanguageSwitch />
          {operator ? (
            <>
              <span className="shell__operator">
                {/* The operator's own settings (their password): a link that looks like the name it is. */}
                <a
                  className="shell__operator-link"
                  href={routeHref('password')}
                  title={t('header.changePassword')}
                  aria-label={`${t('header.signedInAs', { name: operator.name, login: operator.login })} ${t('header.changePassword')}`}
                >
                  {t('header.signedInAs', { name: operator.name, login: operator.login })}
                </a>
                {operator.roles.length ? <span className="shell__roles"> {roleList(t, operator.roles)}</span> : null}
              </span>
              <button type="button" className="quiet" onClick={() => void signOut()}>
                {t('header.signOut')}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {operator ? (
        <nav className="shell__nav" aria-label={t('nav.label')}>
          <ul>
            {jobsFor(mayCall).map((job) => (
              <li key={job.route}>
                <a href={routeHref(job.route)} aria-current={current === job.route ? 'page' : undefined}>
                  {t(job.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <main className="shell__main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
