import type { MessageKey } from '../i18n/ja';

/** Every job of the back office, in menu order. `built: true` jobs show the "coming" panel for now. */
export interface Job {
  route: string;
  label: MessageKey;
  built: boolean;
}

export const JOBS: Job[] = [
  { route: 'today', label: 'nav.today', built: true },
  { route: 'members', label: 'nav.members', built: true },
  { route: 'estimates', label: 'nav.estimates', built: true },
  { route: 'deposits', label: 'nav.deposits', built: true },
  { route: 'prepaid', label: 'nav.prepaid', built: true },
  { route: 'usage', label: 'nav.usage', built: true },
  { route: 'dunning', label: 'nav.dunning', built: true },
  { route: 'audit', label: 'nav.audit', built: true },
];
