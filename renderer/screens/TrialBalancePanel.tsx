import { useMayCall } from '../session/useMayCall';
import { useRead } from '../session/useRead';
import { useI18n } from '../i18n/i18n';
import { TrialBalanceTable } from './common/TrialBalanceTable';

/**
 * The ledger at a glance for accounting and supervisors (Accounting decision: the sum of all postings is zero,
 * so the debit and credit totals must match). Not shown to roles that may not read the ledger.
 */
export function TrialBalancePanel() {
  const { t } = useI18n();
  const mayRead = useMayCall()('ledger.trialBalance');
  const { data: trial } = useRead('ledger.trialBalance', {}, { enabled: mayRead });

  if (!mayRead || !trial) return null;
  return (
    <section className="panel" aria-labelledby="trial-title">
      <div className="screen-head">
        <h2 id="trial-title">{t('trial.title')}</h2>
        <span className="muted small">{t('trial.asOf')}</span>
      </div>
      <TrialBalanceTable trial={trial} />
    </section>
  );
}
