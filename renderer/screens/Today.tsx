import type { OperationName } from '../api/client';
import { useSession } from '../session/session';
import { todayJst } from '../format';
import { routeHref } from '../hooks/useHashRoute';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/ja';
import { useMayCall } from '../session/useMayCall';
import { TodayQueues } from './today/TodayQueues';
import { TrialBalancePanel } from './TrialBalancePanel';

/** Shortcuts, each shown only to operators whose roles allow the operation behind it. */
const QUICK_LINKS: { label: MessageKey; route: string[]; operation: OperationName }[] = [
  { label: 'today.findMember', route: ['members'], operation: 'members.search' },
  { label: 'today.newMember', route: ['members', 'new'], operation: 'members.create' },
  { label: 'today.auditLog', route: ['audit'], operation: 'audit.list' },
];

export function Today() {
  const { t } = useI18n();
  const mayCall = useMayCall();
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
          {QUICK_LINKS.filter((link) => mayCall(link.operation)).map((link) => (
            <li key={link.label}>
              <a href={routeHref(...link.route)}>{t(link.label)}</a>
            </li>
          ))}
        </ul>
      </div>
      <TodayQueues />
      <TrialBalancePanel />
    </section>
  );
}
