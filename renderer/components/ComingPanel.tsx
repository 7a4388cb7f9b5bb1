import { useI18n } from '../i18n/i18n';

/** A calm placeholder, under the job's own title, for a job whose operations do not exist yet. */
export function ComingPanel({ screen }: { screen: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="coming-screen">
      <div className="screen-head">
        <h1 id="coming-screen">{screen}</h1>
      </div>
      <div className="panel panel--coming">
        <h2>{t('coming.title')}</h2>
        <p>{t('coming.body', { screen })}</p>
      </div>
    </section>
  );
}
