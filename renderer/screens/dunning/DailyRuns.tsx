import { useI18n } from '../../i18n/i18n';
import { useRead } from '../../session/useRead';

/** R-DUN-8: up to which day the daily job has run by itself, and the days it has still to run. */
export function DailyRuns() {
  const { t } = useI18n();
  const due = useRead('dunning.dueDays', {});
  if (!due.data) return null;
  const { lastRun, due: days } = due.data;
  return (
    <p className="small daily-runs" role="status">
      {lastRun ? t('dunning.lastRun', { date: lastRun }) : t('dunning.neverRun')}
      {days.length > 0 && lastRun ? ` ${t('dunning.dueDays', { days: days.join(t('common.listSeparator')) })}` : ''}
    </p>
  );
}
