import type { OperationName } from '../../core/api/catalog-types';
import type { MessageKey } from '../i18n/ja';

/** Every job of the back office, in menu order. */
export interface Job {
  route: string;
  label: MessageKey;
  /** Shown in the menu only to an operator who may call this operation (the seller's settings: admins). */
  only?: OperationName;
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
  { route: 'seller', label: 'nav.seller', only: 'seller.set' },
];
