import type { FieldProblem } from '../errors';

/**
 * The one door every transport (CLI, browser host, Electron IPC, tests) goes through. Transports hold no
 * business logic: they authenticate their caller, name an operation, pass raw input, and relay the result.
 */

export const ROLES = ['sales', 'accounting', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface OperationDescription {
  name: string;
  /** Roles allowed to call it; empty for operations anyone may call (signing in). */
  roles: Role[];
  /** The input's JSON Schema, generated from the operation's zod schema. */
  input: unknown;
}

export type CallFailureKind =
  /** no such operation */
  | 'unknown_operation'
  /** no operator signed in, or no such operator */
  | 'unauthenticated'
  /** the operator's roles do not allow it (audited) */
  | 'forbidden'
  /** the input failed its schema or a business rule; `problems` name the fields; nothing written */
  | 'invalid'
  /** the ledger was too busy with other writers to run it; nothing written; the same call may be made again */
  | 'busy'
  /** anything else; nothing written */
  | 'failed';

export type CallResult =
  { ok: true; output: unknown } | { ok: false; kind: CallFailureKind; message: string; problems?: FieldProblem[] };

export interface Backoffice {
  operations(): OperationDescription[];
  /**
   * Runs one operation as the operator with that login (null: nobody signed in, allowed only for operations
   * with no roles). Validation, the role check, the handler, its ledger postings and its audit entry happen
   * in one transaction, or nothing is written.
   */
  call(operation: string, input: unknown, operatorLogin: string | null): Promise<CallResult>;
  close(): Promise<void>;
}
