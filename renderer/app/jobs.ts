import type { Role } from '../../core/api/service';
import type { MessageKey } from '../i18n/ja';

/** Every job of the back office, in menu order. */
export interface Job {
  route: string;
  label: MessageKey;
  /** Shown only to these roles (absent: to everyone). */
  roles?: Role[];
}

export const JOBS: Job[] = [
  { route: 'today', label: 'nav.today' },
  { route: 'members', label: 'nav.members' },
  { route: 'estimates', label: 'nav.estimates' },
  { route: 'deposits', label: 'nav.deposits' },
  { route: 'prepaid', label: 'nav.prepaid' },
  { route: 'usage', label: 'nav.usage' },
  { route: 'dunning', label: 'nav.dunning' },
  { route: 'audit', label: 'nav.audit' },
  { route: 'operators', label: 'nav.operators', roles: ['admin'] },
];
