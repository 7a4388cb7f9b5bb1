import type { FieldProblem, ProblemCode, ProblemParams } from '../errors';
import type { OperationInput, OperationName, OperationOutput } from './catalog-types';

/**
 * The one door every transport (CLI, browser host, Electron IPC, tests) goes through. Transports hold no
 * business logic: they authenticate their caller, name an operation, pass raw input, and relay the result.
 */

export { ROLES, type Role } from '../parties/roles';
import type { Role } from '../parties/roles';
import type { CallFailureKind } from './failure-kinds';

export interface OperationDescription {
  name: string;
  /** Roles allowed to call it; empty for operations anyone may call (signing in). */
  roles: Role[];
  /** The input's JSON Schema, generated from the operation's zod schema. */
  input: unknown;
}

export type { CallFailureKind } from './failure-kinds';

/**
 * A refusal: its kind, a stable `code` with the `params` a sentence needs (core/problem-codes.ts; each door words
 * it in its own language), the English `message`, and for `invalid` the field `problems`.
 */
export interface CallFailure {
  ok: false;
  kind: CallFailureKind;
  code: ProblemCode;
  params?: ProblemParams;
  message: string;
  problems?: FieldProblem[];
}

/** An operation's answer: its output (typed when the operation is named by a literal), or why not. */
export type CallResult<O = unknown> = { ok: true; output: O } | CallFailure;

/**
 * What a transport that keeps sessions knows of the one a call comes in: the operator's session generation when
 * it signed in. A later generation (sign-out everywhere, deactivation, a new password) ends it (D-SEC-7). The
 * command line's `--as` has no session.
 */
export interface CallSession {
  generation: number;
}

/**
 * Where a call comes from, as its door knows it: the remote address of an HTTP request (the team server, the
 * browser host). Kept in the audit row; failed sign-ins are counted per address from it (D-SEC-19). The app's
 * window, the command line and the schedule have none.
 */
export interface CallOrigin {
  address: string;
}

export interface Backoffice {
  operations(): OperationDescription[];
  /**
   * Runs one operation as the operator with that login (null: nobody signed in, allowed only for operations
   * with no roles). Validation, the role check, the handler, its ledger postings and its audit entry happen
   * in one transaction, or nothing is written.
   */
  call<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
    operatorLogin: string | null,
    session?: CallSession,
    origin?: CallOrigin,
  ): Promise<CallResult<OperationOutput<K>>>;
  /** A transport's call: a name and input it received, checked by the catalog before anything runs. */
  call(
    operation: string,
    input: unknown,
    operatorLogin: string | null,
    session?: CallSession,
    origin?: CallOrigin,
  ): Promise<CallResult>;
  /**
   * The back office's own schedule (R-DUN-8): runs an operation marked `scheduled` with nobody signed in,
   * through the door `scheduler`, audited like any call.
   */
  runScheduled<K extends OperationName>(
    operation: K,
    input: OperationInput<K>,
  ): Promise<CallResult<OperationOutput<K>>>;
  close(): Promise<void>;
}
