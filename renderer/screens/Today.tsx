import { useSession } from '../app/session';
import { todayJst } from '../format';
import { routeHref } from '../hooks/useHashRoute';
import { useI18n } from '../i18n/i18n';

export function Today() {
  const { t } = useI18n();
  const { operator } = useSession();
  return (
    <section aria-labelledby="today-title">
      <div className="screen-head">
        <h1 id="today-title">{t('today.title')}</h1>
        <span className="muted">{t('today.date', { date: todayJst() })}</span>
      </div>
      {operator ? <p>{t('today.welcome', { name: operator.name })}</p> : null}
      <div className="panel">
        <h2>{t('today.quick')}</h2>
        <ul className="quick-links">
          <li>
            <a href={routeHref('members')}>{t('today.findMember')}</a>
          </li>
          <li>
            <a href={routeHref('members', 'new')}>{t('today.newMember')}</a>
          </li>
          <li>
            <a href={routeHref('audit')}>{t('today.auditLog')}</a>
          </li>
        </ul>
      </div>
      <div className="panel panel--coming">
        <p>{t('today.queue')}</p>
      </div>
    </section>
  );
}
