import type { z } from 'zod';
import type { LedgerDb } from '../ledger/open-database';
import type { Role } from '../parties/roles';

export interface SignedInOperator {
  id: number;
  login: string;
  name: string;
  roles: Role[];
  mustChangePassword: boolean;
  sessionGeneration: number;
}

/** What a handler sees: the open transaction, the injected clock, who is calling and through which door. */
export interface OperationContext {
  /** The transaction the handler and its audit entry share. */
  db: LedgerDb;
  now: Date;
  operator: SignedInOperator | null;
  channel: string;
  /** The network address the call came from, where its door has one (D-SEC-19); null otherwise. */
  address: string | null;
  /**
   * Where the ledger is (an SQLite file or a postgres:// URL): for an operation that reads it through a
   * connection of its own beside this transaction (ledger.backup).
   */
  location: string;
  /** Every operation of the catalog with the roles allowed to call it (what signing in tells the screens). */
  operationRoles: ReadonlyMap<string, readonly Role[]>;
}

/**
 * One entry of the catalog. `N`, `S` and `O` keep the operation's name, input schema and output type, so the
 * catalog's type map (catalog-types.ts) gives every caller the handler's own types.
 */
export interface Operation<N extends string = string, S extends z.ZodType = z.ZodType, O = unknown> {
  name: N;
  /** Roles allowed; empty: anyone, even with nobody signed in. */
  roles: Role[];
  /**
   * The doors (channels: cli, http, app…) it may be called through; absent: every door. An operation that
   * writes files where its caller names them runs only from the command line (D-API-1).
   */
  channels?: readonly string[];
  /** Allowed to anyone while no operator exists yet (first-run setup), then to `roles` only. */
  openBeforeSetup?: boolean;
  /** Callable by an operator who must first choose a new password (D-SEC-6): changing it, signing out. */
  allowedBeforePasswordChange?: boolean;
  input: S;
  /** Writes an audit entry when it succeeds (every write does; reads do not, refusals always do). */
  audited: boolean;
  /**
   * The back office's own schedule may run it with nobody signed in (Backoffice.runScheduled, channel
   * `scheduler`; R-DUN-8). Every other door still needs `roles`.
   */
  scheduled?: boolean;
  /** What the audit entry of a success says beside the input's digest (R-DUN-8: the date run and what changed). */
  auditDetail?(output: O): string | null;
  /** Input fields replaced by "***" before the input is digested for the audit log. */
  secretFields?: string[];
  /** Who the audit row names when nobody is signed in yet (signing in: the login being tried). */
  auditActor?: (input: unknown) => string | null;
  handler(ctx: OperationContext, input: z.output<S>): Promise<O>;
}

export type AnyOperation = Operation<string, z.ZodType, unknown>;

/** Declares one operation; the handler's input type follows from the schema, and all three types are kept. */
export function defineOperation<const N extends string, S extends z.ZodType, O>(
  op: Operation<N, S, O>,
): Operation<N, S, O> {
  return op;
}

/**
 * A domain's operations, kept together in one file (cf. Actual's loot-core per-domain apps). Declared
 * `{ domain, operations: [...] } as const satisfies OperationApp` so the tuple keeps each operation's types.
 */
export interface OperationApp<Ops extends readonly AnyOperation[] = readonly AnyOperation[]> {
  domain: string;
  operations: Ops;
}
