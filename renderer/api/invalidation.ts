import type { OperationName } from '../../core/api/catalog-types';

type Reads = readonly OperationName[];

const LEDGER: Reads = ['ledger.trialBalance', 'ledger.accountStatement', 'payments.aging'];
const BILLS: Reads = ['billing.listBills', 'billing.accountBills', 'billing.bill', ...LEDGER];
const PREPAID: Reads = ['prepaid.list', 'prepaid.balance', 'prepaid.lateIssuances'];
const ESTIMATES: Reads = ['estimates.list', 'estimates.get'];
const DEPOSITS: Reads = ['deposits.held', 'bank.reviewQueue', 'bank.importReport'];
const ACCOUNTS: Reads = ['dunning.board', 'cloudAccounts.get', 'cloudAccounts.list', 'members.get'];
const MONTHS: Reads = ['billing.monthOverview', 'billing.monthStatements', 'billing.closePreview', 'usage.listImports'];
const RELEASES: Reads = ['dunning.awaitingRelease', 'dunning.board', 'cloudAccounts.get', 'members.get'];
const MONEY_IN: Reads = [...DEPOSITS, ...BILLS, ...PREPAID, ...ESTIMATES, ...ACCOUNTS];

/**
 * What each write changes on a screen: once it succeeds, these reads are read again wherever they are shown
 * (the session's `call` does it, for every write, in this one place). `all` for a write that may change
 * anything. A write missing here fails test/renderer/invalidation.test.ts.
 */
export const READS_CHANGED_BY: Partial<Record<OperationName, Reads | 'all'>> = {
  'setup.createFirstAdmin': ['setup.status', 'operators.list'],
  'setup.loadDemo': 'all',
  'members.create': ['members.search'],
  'members.update': ['members.search', 'members.get'],
  'cloudAccounts.create': ['members.get', 'cloudAccounts.list', 'dunning.board'],
  'operators.create': ['operators.list'],
  'operators.setRoles': ['operators.list'],
  'operators.deactivate': ['operators.list'],
  'operators.reactivate': ['operators.list'],
  'operators.resetPassword': ['operators.list'],
  'operators.signOutEverywhere': [],
  'ledger.postAdjustment': LEDGER,
  'estimates.draft': ESTIMATES,
  'estimates.update': ESTIMATES,
  'estimates.issue': ESTIMATES,
  'estimates.cancel': ESTIMATES,
  'estimates.toPrepaid': ESTIMATES,
  'prepaid.issueStatement': ESTIMATES,
  'prepaid.issueId': [...PREPAID, ...ESTIMATES],
  'prepaid.register': [...PREPAID, ...ACCOUNTS],
  'prepaid.setAlertThreshold': ['prepaid.balance'],
  'prepaid.dailyUpdate': [...PREPAID, ...LEDGER],
  'deposits.confirm': MONEY_IN,
  'deposits.decide': MONEY_IN,
  'usage.import': ['billing.listBills', ...MONTHS],
  'usage.withdrawImport': MONTHS,
  'billing.closeMonth': [...BILLS, ...PREPAID, ...ACCOUNTS, ...MONTHS],
  'billing.recordStatementDeliveries': MONTHS,
  'billing.issueCreditNote': BILLS,
  'seller.set': ['seller.get'],
  'payments.registerMethod': [...BILLS, ...ACCOUNTS],
  'payments.recordCardCharge': [...BILLS, ...ACCOUNTS],
  'payments.recordDirectDebit': [...BILLS, ...ACCOUNTS],
  'payments.recordBankReceipt': [...BILLS, ...ACCOUNTS],
  'dunning.runDaily': [...ACCOUNTS, ...PREPAID, ...RELEASES, 'dunning.dueDays'],
  'dunning.releaseCommand': RELEASES,
  'dunning.holdAtSuspend': RELEASES,
  'bank.import': [...MONEY_IN, 'bank.openBills'],
  'bank.confirmMatch': [...MONEY_IN, 'bank.openBills'],
  'bank.rematch': MONEY_IN,
  'bank.dismiss': [...DEPOSITS, 'bank.refunds', ...LEDGER],
  'bank.markUnknown': DEPOSITS,
  'bank.resolveDeposit': [...MONEY_IN, 'bank.openBills', 'bank.refunds'],
  'bank.payRefund': ['bank.refunds', ...LEDGER],
  'cloudAccounts.close': [...ACCOUNTS, ...PREPAID, ...LEDGER],
  'journal.saveMapping': ['journal.mapping'],
};

/**
 * Audited operations that change nothing a screen reads: signing in (the cache is cleared anyway), a notice
 * shown again, the command line's file exports, the journal export (a file) and the archive's check (a report).
 */
export const CHANGES_NO_SCREEN: readonly OperationName[] = [
  'session.signIn',
  'session.changePassword',
  'session.signOutEverywhere',
  'prepaid.noticePdf',
  'billing.writeStatements',
  'ledger.backup',
  'journal.export',
  'archive.verify',
  // A team desktop's own door sends these (core/host/team-client); its sync.status tells the screens to read again.
  'sync.lease',
  'sync.apply',
];

/** The reads to read again after `operation` succeeded: every write also adds an audit entry. */
export function readsChangedBy(operation: OperationName): Reads | 'all' {
  const changed = READS_CHANGED_BY[operation];
  if (changed === undefined) return [];
  return changed === 'all' ? 'all' : [...changed, 'audit.list'];
}
