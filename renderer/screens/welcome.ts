import type { Output } from '../api/client';

/** What the first run did, for the sign-in screen to say (in whichever language is chosen by then). */
export type Welcome =
  | { kind: 'created' }
  | { kind: 'joined'; server: string }
  | ({ kind: 'demo' } & Pick<Output<'setup.loadDemo'>, 'members' | 'cloudAccounts' | 'operators'>);

/** setup.loadDemo's summary: the demo operators and their password, for the first sign-in. */
export function demoWelcome({ members, cloudAccounts, operators }: Output<'setup.loadDemo'>): Welcome {
  return { kind: 'demo', members, cloudAccounts, operators };
}
