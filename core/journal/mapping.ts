import { LEDGER_ACCOUNT_NAMES, type LedgerAccount } from '../ledger/accounts';

/** The accounting packages whose journal import files the back office writes. */
export const JOURNAL_TARGETS = ['yayoi', 'freee', 'moneyforward'] as const;
export type JournalTarget = (typeof JOURNAL_TARGETS)[number];

/** How one of our ledger accounts reads in a package: its 勘定科目, 補助科目 (may be empty) and 税区分. */
export interface MappedAccount {
  account: string;
  subAccount: string;
  taxCategory: string;
}

export type AccountMapping = Record<LedgerAccount, MappedAccount>;

const OUT_OF_SCOPE = '対象外';

/**
 * D-JRN-1: the mapping a package starts with, before an administrator saves one. Accounts are the standard
 * names every one of the three packages ships with; revenue carries the 10% taxable-sales category and every
 * other line 対象外, since our ledger posts the consumption tax on its own 仮受消費税 line (so no package
 * computes it a second time). An accountant confirms them against the company's own chart and edits them.
 */
function standard(taxableSales: string): AccountMapping {
  return {
    bank: { account: '普通預金', subAccount: '', taxCategory: OUT_OF_SCOPE },
    receivables: { account: '売掛金', subAccount: '', taxCategory: OUT_OF_SCOPE },
    fees: { account: '支払手数料', subAccount: '', taxCategory: OUT_OF_SCOPE },
    prepaid_liability: { account: '前受金', subAccount: '', taxCategory: OUT_OF_SCOPE },
    tax_payable: { account: '仮受消費税', subAccount: '', taxCategory: OUT_OF_SCOPE },
    revenue: { account: '売上高', subAccount: '', taxCategory: taxableSales },
    forfeited_balances: { account: '雑収入', subAccount: '', taxCategory: OUT_OF_SCOPE },
    suspense: { account: '仮受金', subAccount: '', taxCategory: OUT_OF_SCOPE },
    customer_credit: { account: '預り金', subAccount: '', taxCategory: OUT_OF_SCOPE },
    refunds_payable: { account: '未払金', subAccount: '', taxCategory: OUT_OF_SCOPE },
  };
}

export const DEFAULT_MAPPINGS: Record<JournalTarget, AccountMapping> = {
  yayoi: standard('課税売上10%'),
  freee: standard('課税売上10%'),
  moneyforward: standard('課税売上10%'),
};

/** Our ledger accounts a stored mapping does not name (a mapping saved before an account was added). */
export function unmappedAccounts(mapping: Partial<Record<string, MappedAccount>>): LedgerAccount[] {
  return LEDGER_ACCOUNT_NAMES.filter((a) => !mapping[a]?.account);
}
