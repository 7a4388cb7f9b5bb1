import type { OperationName } from '../../core/api/catalog-types';

type Reads = readonly OperationName[];

const LEDGER: Reads = ['ledger.trialBalance', 'ledger.accountStatement', 'payments.aging'];
const BILLS: Reads = ['billing.listBills', 'billing.accountBills', ...LEDGER];
const PREPAID: Reads = ['prepaid.list', 'prepaid.balance', 'prepaid.lateIssuances'];
const ESTIMATES: Reads = ['estimates.list', 'estimates.get'];
const DEPOSITS: Reads = ['deposits.held', 'bank.reviewQueue', 'bank.importReport'];
const ACCOUNTS: Reads = ['dunning.board', 'cloudAccounts.get', 'cloudAccounts.list', 'members.get'];
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
  'ledger.postAdjustment': LEDGER,
  'estimates.draft': ESTIMATES,
  'estimates.update': ESTIMATES,
  'estimates.issue': ESTIMATES,
  'estimates.cancel': ESTIMATES,
  'prepaid.issueStatement': ESTIMATES,
  'prepaid.issueId': [...PREPAID, ...ESTIMATES],
  'prepaid.register': [...PREPAID, ...ACCOUNTS],
  'prepaid.setAlertThreshold': ['prepaid.balance'],
  'prepaid.dailyUpdate': [...PREPAID, ...LEDGER],
  'deposits.confirm': MONEY_IN,
  'deposits.decide': MONEY_IN,
  'usage.import': ['billing.listBills'],
  'billing.closeMonth': [...BILLS, ...PREPAID, ...ACCOUNTS],
  'billing.issueCreditNote': BILLS,
  'payments.registerMethod': [...BILLS, ...ACCOUNTS],
  'payments.recordCardCharge': [...BILLS, ...ACCOUNTS],
  'payments.recordDirectDebit': [...BILLS, ...ACCOUNTS],
  'payments.recordBankReceipt': [...BILLS, ...ACCOUNTS],
  'dunning.runDaily': [...ACCOUNTS, ...PREPAID],
  'bank.import': MONEY_IN,
  'bank.confirmMatch': MONEY_IN,
  'bank.rematch': MONEY_IN,
  'bank.dismiss': DEPOSITS,
  'bank.markUnknown': DEPOSITS,
};

/**
 * Audited operations that change nothing a screen reads: signing in (the cache is cleared anyway), a notice
 * shown again, and the command line's file exports.
 */
export const CHANGES_NO_SCREEN: readonly OperationName[] = [
  'session.signIn',
  'prepaid.noticePdf',
  'billing.writeStatements',
  'ledger.backup',
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
