import type { MessageKey } from '../i18n/ja';

/** Every job of the back office, in menu order. */
export interface Job {
  route: string;
  label: MessageKey;
}

export const JOBS: Job[] = [
  { route: 'today', label: 'nav.today' },
  { route: 'members', label: 'nav.members' },
  { route: 'estimates', label: 'nav.estimates' },
  { route: 'deposits', label: 'nav.deposits' },
  { route: 'prepaid', label: 'nav.prepaid' },
  { route: 'usage', label: 'nav.usage' },
  { route: 'dunning', label: 'nav.dunning' },
  { route: 'books', label: 'nav.books' },
  { route: 'audit', label: 'nav.audit' },
];
