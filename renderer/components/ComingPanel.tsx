import { useI18n } from '../i18n/i18n';

/** A calm placeholder for a job whose operations do not exist yet. */
export function ComingPanel({ screen }: { screen: string }) {
  const { t } = useI18n();
  return (
    <section className="panel panel--coming" aria-labelledby="coming-title">
      <h2 id="coming-title">{t('coming.title')}</h2>
      <p>{t('coming.body', { screen })}</p>
    </section>
  );
}
