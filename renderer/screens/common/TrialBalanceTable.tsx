import { formatYen } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';

/** What a trial balance answers, as ledger.trialBalance (to date) and reports.trialBalance (a period) give it. */
export interface TrialBalanceRows {
  accounts: ReadonlyArray<{ account: string; debit: string; credit: string; balance: string }>;
  totalDebit: string;
  totalCredit: string;
  balanced: boolean;
}

/** The trial balance as a table: each ledger account's debits, credits and balance, the totals, and whether they match. */
export function TrialBalanceTable({ trial, label }: { trial: TrialBalanceRows; label?: string }) {
  const { t } = useI18n();
  return (
    <table className="table table--money" aria-label={label}>
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
  );
}
