import type { Role } from '../../core/api/service';
import { rolesIn } from '../session/roles';

/** What the first run did, for the sign-in screen to say (in whichever language is chosen by then). */
export type Welcome =
  | { kind: 'created' }
  | {
      kind: 'demo';
      members: number;
      cloudAccounts: number;
      operators: { login: string; password: string; roles: Role[] }[];
    };

/** setup.loadDemo answers a summary with the demo operators and their password (core/demo DemoSummary). */
export function demoWelcome(output: unknown): Welcome {
  const o = (typeof output === 'object' && output !== null ? output : {}) as Record<string, unknown>;
  const count = (v: unknown) => (typeof v === 'number' ? v : 0);
  const operators = (Array.isArray(o.operators) ? o.operators : []).flatMap((op: unknown) => {
    const v = (typeof op === 'object' && op !== null ? op : {}) as Record<string, unknown>;
    if (typeof v.login !== 'string' || typeof v.password !== 'string') return [];
    return [{ login: v.login, password: v.password, roles: rolesIn(v.roles) }];
  });
  return { kind: 'demo', members: count(o.members), cloudAccounts: count(o.cloudAccounts), operators };
}
