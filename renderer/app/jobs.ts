import type { OperationName } from '../api/client';
import type { MessageKey } from '../i18n/ja';

/** Every job of the back office, in menu order. */
export interface Job {
  route: string;
  label: MessageKey;
  /**
   * The operations the job's screen offers: the menu shows the job to an operator who may call at least one
   * of them (none: everyone signed in).
   */
  operations: OperationName[];
}

export const JOBS: Job[] = [
  { route: 'today', label: 'nav.today', operations: [] },
  { route: 'members', label: 'nav.members', operations: ['members.search'] },
  { route: 'estimates', label: 'nav.estimates', operations: ['estimates.list'] },
  {
    route: 'deposits',
    label: 'nav.deposits',
    operations: ['deposits.confirm', 'bank.import', 'bank.reviewQueue', 'deposits.held'],
  },
  {
    route: 'prepaid',
    label: 'nav.prepaid',
    operations: ['prepaid.issueId', 'prepaid.register', 'prepaid.lateIssuances', 'prepaid.list'],
  },
  { route: 'usage', label: 'nav.usage', operations: ['usage.import', 'billing.closeMonth', 'billing.listBills'] },
  { route: 'dunning', label: 'nav.dunning', operations: ['dunning.board'] },
  {
    route: 'books',
    label: 'nav.books',
    operations: ['reports.trialBalance', 'reports.sales', 'archive.search', 'journal.export', 'journal.saveMapping'],
  },
  { route: 'audit', label: 'nav.audit', operations: ['audit.list'] },
  { route: 'operators', label: 'nav.operators', operations: ['operators.create'] },
  { route: 'seller', label: 'nav.seller', operations: ['seller.set'] },
];

/** The jobs an operator may do, by whether they may call an operation (useMayCall). */
export function jobsFor(mayCall: (operation: OperationName) => boolean): Job[] {
  return JOBS.filter((job) => job.operations.length === 0 || job.operations.some(mayCall));
}
