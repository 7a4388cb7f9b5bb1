import type { z } from 'zod';
import type { LedgerDb } from '../ledger/open-database';
import type { Role } from './service';

export interface SignedInOperator {
  id: number;
  login: string;
  name: string;
  roles: Role[];
}

/** What a handler sees: the open transaction, the injected clock, who is calling and through which door. */
export interface OperationContext {
  /** The transaction the handler and its audit entry share. */
  db: LedgerDb;
  now: Date;
  operator: SignedInOperator | null;
  channel: string;
}

export interface Operation<S extends z.ZodType = z.ZodType, O = unknown> {
  name: string;
  /** Roles allowed; empty: anyone, even with nobody signed in. */
  roles: Role[];
  /** Allowed to anyone while no operator exists yet (first-run setup), then to `roles` only. */
  openBeforeSetup?: boolean;
  input: S;
  /** Writes an audit entry when it succeeds (every write does; reads do not, refusals always do). */
  audited: boolean;
  /** Input fields replaced by "***" before the input is digested for the audit log. */
  secretFields?: string[];
  /** Who the audit row names when nobody is signed in yet (signing in: the login being tried). */
  auditActor?: (input: unknown) => string | null;
  handler(ctx: OperationContext, input: z.output<S>): Promise<O>;
}

export type AnyOperation = Operation<z.ZodType, unknown>;

/** Declares one operation; the input type of the handler follows from the schema. */
export function defineOperation<S extends z.ZodType, O>(op: Operation<S, O>): AnyOperation {
  return op as unknown as AnyOperation;
}

/** A domain's operations, kept together in one file (cf. Actual's loot-core per-domain apps). */
export interface OperationApp {
  domain: string;
  operations: AnyOperation[];
}

/** Thrown by a handler when the caller may not do this (audited as forbidden, nothing else written). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Thrown by a handler when the caller's identity is not proven (a wrong password). Audited. */
export class UnauthenticatedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}
