import { typedDate } from '../../../core/api/schemas/typed';
import { useMayCall } from '../../session/useMayCall';
import { useDraft } from '../../hooks/useDraft';
import { useI18n } from '../../i18n/i18n';
import { routeHref } from '../../hooks/useHashRoute';
import { CloseMonth } from './CloseMonth';
import { ImportUsage } from './ImportUsage';
import { MonthBills } from './MonthBills';
import { UsageImports } from './UsageImports';

/** Usage and month close: import the month's usage, close it, see its bills and their statements. */
export function UsageScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const [shown, update] = useDraft('usage.month', { month: '' });
  const show = (month: string) => update({ month });
  return (
    <section aria-labelledby="usage-title">
      <div className="screen-head">
        <h1 id="usage-title">{t('usage.title')}</h1>
        {mayCall('billing.monthOverview') ? <a href={routeHref('usage', 'months')}>{t('nav.months')}</a> : null}
      </div>
      <div className="columns">
        {mayCall('usage.import') ? <ImportUsage onImported={show} /> : null}
        {mayCall('billing.closeMonth') ? <CloseMonth month={shown.month} onClosed={show} /> : null}
      </div>
      {mayCall('usage.listImports') ? <UsageImports /> : null}
      {mayCall('billing.listBills') ? (
        <div className="panel">
          <label className="search-bar">
            {t('usage.showMonth')}{' '}
            <input
              className="mono"
              value={shown.month}
              placeholder="2026-10"
              onChange={(e) => update({ month: e.target.value.trim() })}
            />
          </label>
        </div>
      ) : null}
      {mayCall('billing.listBills') && shown.month ? <MonthBills month={typedDate(shown.month)} /> : null}
    </section>
  );
}
