/**
 * The chart of accounts (DOMAIN.md, Accounting). `normal` is the side on which the account grows: a balance is
 * shown on that side, so the bank reads positive when it holds money and the prepaid liability reads positive
 * when customers hold credit.
 */
export const LEDGER_ACCOUNTS = {
  bank: { normal: 'debit', label: '普通預金 (bank)' },
  receivables: { normal: 'debit', label: '売掛金 (receivables)' },
  fees: { normal: 'debit', label: '支払手数料 (fees)' },
  prepaid_liability: { normal: 'credit', label: '前受金 (prepaid liability)' },
  tax_payable: { normal: 'credit', label: '仮受消費税 (tax payable)' },
  revenue: { normal: 'credit', label: '売上高 (revenue)' },
  forfeited_balances: { normal: 'credit', label: '雑収入 (forfeited balances)' },
  suspense: { normal: 'credit', label: '仮受金 (suspense)' },
  customer_credit: { normal: 'credit', label: '預り金 (customer credit)' },
  refunds_payable: { normal: 'credit', label: '未払金 (refunds to pay)' },
} as const;

export type LedgerAccount = keyof typeof LEDGER_ACCOUNTS;
export const LEDGER_ACCOUNT_NAMES = Object.keys(LEDGER_ACCOUNTS) as [LedgerAccount, ...LedgerAccount[]];

export function isLedgerAccount(name: string): name is LedgerAccount {
  return Object.hasOwn(LEDGER_ACCOUNTS, name);
}
