import { useEffect, useState } from 'react';
import { useSession } from '../session/session';
import { useMayCall } from '../session/useMayCall';
import { formatYen } from '../format';
import { useI18n } from '../i18n/i18n';
import { labelOf } from '../i18n/labels';

interface TrialRow {
  account: string;
  debit: string;
  credit: string;
  balance: string;
}

interface Trial {
  accounts: TrialRow[];
  totalDebit: string;
  totalCredit: string;
  balanced: boolean;
}

const YEN = /^-?[0-9]+(\.[0-9]+)?$/;

/** ledger.trialBalance answers yen as decimal strings; anything else is not shown as money. */
function trialIn(output: unknown): Trial | null {
  const o = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
  const yen = (v: unknown) => (typeof v === 'string' && YEN.test(v) ? v : '0');
  if (!Array.isArray(o.accounts)) return null;
  return {
    accounts: o.accounts.map((a: Record<string, unknown>) => ({
      account: String(a.account ?? ''),
      debit: yen(a.debit),
      credit: yen(a.credit),
      balance: yen(a.balance),
    })),
    totalDebit: yen(o.totalDebit),
    totalCredit: yen(o.totalCredit),
    balanced: o.balanced === true,
  };
}

/**
 * The ledger at a glance for accounting and supervisors (Accounting decision: the sum of all postings is zero,
 * so the debit and credit totals must match). Not shown to roles that may not read the ledger.
 */
export function TrialBalancePanel() {
  const { t } = useI18n();
  const { call } = useSession();
  const [trial, setTrial] = useState<Trial | null>(null);
  const mayRead = useMayCall()('ledger.trialBalance');

  useEffect(() => {
    if (!mayRead) return;
    let live = true;
    void call('ledger.trialBalance', {}).then((result) => live && setTrial(result.ok ? trialIn(result.output) : null));
    return () => {
      live = false;
    };
  }, [call, mayRead]);

  if (!mayRead || !trial) return null;
  return (
    <section className="panel" aria-labelledby="trial-title">
      <div className="screen-head">
        <h2 id="trial-title">{t('trial.title')}</h2>
        <span className="muted small">{t('trial.asOf')}</span>
      </div>
      <table className="table table--money">
        <thead>
          <tr>
            <th>{t('trial.col.account')}</th>
            <th className="num">{t('trial.col.debit')}</th>
            <th className="num">{t('trial.col.credit')}</th>
            <th className="num">{t('trial.col.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {trial.accounts.map((a) => (
            <tr key={a.account}>
              <td>{labelOf(t, 'ledgerAccount', a.account)}</td>
              <td className="num">{formatYen(a.debit)}</td>
              <td className="num">{formatYen(a.credit)}</td>
              <td className="num">{formatYen(a.balance)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('trial.total')}</th>
            <th className="num">{formatYen(trial.totalDebit)}</th>
            <th className="num">{formatYen(trial.totalCredit)}</th>
            <th className={trial.balanced ? 'num balanced' : 'num outcome--refused'}>
              {trial.balanced ? t('trial.balanced') : t('trial.unbalanced')}
            </th>
          </tr>
        </tfoot>
      </table>
    </section>
  );
}
