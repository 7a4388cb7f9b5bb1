import { z } from 'zod';
import { InputError, Refused, type FieldProblem } from '../errors';
import { writeAudit, type AuditEntry } from '../ledger/audit';
import { openDatabase, type LedgerDb } from '../ledger/open-database';
import { DiskFullError, LedgerFault } from '../ledger/faults';
import { BusyError, transact } from '../ledger/transaction';
import { apps } from './apps';
import { loadOperator, operatorCount, rolesAllow } from '../parties';
import { buildCatalog } from './catalog';
import { processClock, type Clock } from './clock';
import type { AnyOperation, SignedInOperator } from './operation';
import type {
  Backoffice,
  CallFailure,
  CallOrigin,
  CallResult,
  CallSession,
  OperationDescription,
  Role,
} from './service';
import { zodProblems } from './zod-problems';
import { tooDeep, UnreadableInput, valueTooDeep } from './input-depth';
import { textProblems } from './input-text';

export interface BackofficeOptions {
  /** Make a new SQLite ledger file where there is none (default true; the command line decides, D-SEC-15). */
  create?: boolean;
  /** The clock; tests inject one (default: processClock, which honours BACKOFFICE_NOW). */
  now?: Clock;
  /** The door callers come through, recorded in the audit log: app (default), cli, http… */
  channel?: string;
  /** SQLite: how long a writer waits for another's write lock (default 5 s; tests lower it, D-SEC-20). */
  busyTimeoutMs?: number;
}

/** The door of the back office's own schedule (R-DUN-8): no operator, only operations marked `scheduled`. */
const SCHEDULER = 'scheduler';

function maskSecrets(op: AnyOperation, input: unknown): unknown {
  if (!op.secretFields || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const field of op.secretFields) if (field in copy) copy[field] = '***';
  return copy;
}

/** Anything else that went wrong: nothing was written; the English message says what. */
function failed(e: unknown): CallFailure {
  if (e instanceof DiskFullError) return { ok: false, kind: 'disk_full', code: e.code, message: e.message };
  if (e instanceof LedgerFault)
    return { ok: false, kind: 'failed', code: e.code, ...(e.params ? { params: e.params } : {}), message: e.message };
  return { ok: false, kind: 'failed', code: 'operation.failed', message: e instanceof Error ? e.message : String(e) };
}

export function describeOperation(op: AnyOperation): OperationDescription {
  return {
    name: op.name,
    roles: [...op.roles],
    input: z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }),
  };
}

/**
 * The Backoffice over one ledger (an SQLite file or a postgres:// URL): migrations applied on open, every call
 * checked (operator, roles, input schema) before its handler runs in one transaction with its audit entry
 * (core/ledger/transaction.ts: run again when it collided with another writer, then answered busy).
 */
export async function openBackoffice(location: string, options: BackofficeOptions = {}): Promise<Backoffice> {
  const busyTimeout = options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs };
  const { db, close, engine } = await openDatabase(location, { create: options.create ?? true, ...busyTimeout });
  // D-SEC-20: on an SQLite file, reads have a connection of their own, so that they answer from the last commit
  // while this process's writer holds (or waits for) the write lock; one connection would queue them behind it.
  const reader =
    engine === 'sqlite' && location !== '' && location !== ':memory:'
      ? await openDatabase(location, { migrate: false, create: false, quickCheck: false, ...busyTimeout }).catch(
          async (e: unknown) => {
            await close();
            throw e;
          },
        )
      : null;
  const readDb = reader?.db ?? db;
  const catalog = buildCatalog(apps);
  const operationRoles: ReadonlyMap<string, readonly Role[]> = new Map(
    [...catalog.values()].map((op) => [op.name, op.roles]),
  );
  const now = options.now ?? processClock();
  const defaultChannel = options.channel ?? 'app';
  let closed = false;

  /**
   * Writes a refusal's audit row in a transaction of its own, queued for the write lock like any writer: a
   * ledger too busy to take it (a long import holds the lock) answers busy, nothing written (D-SEC-20).
   */
  async function auditRefusal(entry: AuditEntry): Promise<CallFailure | null> {
    try {
      await transact(db, (trx) => writeAudit(trx, entry));
      return null;
    } catch (e) {
      if (e instanceof BusyError) return { ok: false, kind: 'busy', code: 'ledger.busy', message: e.message };
      throw e;
    }
  }

  async function refuseAs(
    op: AnyOperation,
    input: unknown,
    login: string | null,
    kind: Refused['kind'],
    refusal: Pick<CallFailure, 'code' | 'params' | 'message'>,
    origin: CallOrigin | undefined,
    channel = defaultChannel,
  ): Promise<CallResult> {
    const message = refusal.message;
    // Written on its own: a refusal leaves a trace even though nothing else is written.
    const busy = await auditRefusal({
      at: now().toISOString(),
      operatorLogin: login,
      channel,
      operation: op.name,
      input: maskSecrets(op, input),
      // A sign-in refused for its address's failures is refused entry like any other (its code says why).
      outcome: kind === 'throttled' ? 'unauthenticated' : kind,
      detail: message,
      problem: { code: refusal.code, params: refusal.params },
      address: origin?.address,
    });
    if (busy) return busy;
    const { code, params } = refusal;
    return { ok: false, kind, code, ...(params === undefined ? {} : { params }), message };
  }

  async function authorize(
    op: AnyOperation,
    login: string | null,
    input: unknown,
    session: CallSession | undefined,
    origin: CallOrigin | undefined,
  ): Promise<SignedInOperator | null | CallResult> {
    const refuse = (
      op: AnyOperation,
      input: unknown,
      login: string | null,
      kind: Refused['kind'],
      refusal: Pick<CallFailure, 'code' | 'params' | 'message'>,
    ) => refuseAs(op, input, login, kind, refusal, origin);
    const channel = defaultChannel;
    if (op.channels && !op.channels.includes(channel)) {
      return refuse(op, input, login, 'forbidden', {
        code: 'operation.wrong_channel',
        params: { operation: op.name, channels: op.channels.join(', ') },
        message: `${op.name} is only called through: ${op.channels.join(', ')}`,
      });
    }
    const operator = login === null ? null : await loadOperator(op.audited ? db : readDb, login);
    if (login !== null && !operator)
      return refuse(op, input, login, 'unauthenticated', {
        code: 'operator.not_found',
        params: { login },
        message: `no active operator ${login}`,
      });
    if (operator && session && session.generation !== operator.sessionGeneration)
      return refuse(op, input, login, 'unauthenticated', {
        code: 'session.ended',
        message: 'this session has ended: sign in again',
      });
    if (op.roles.length === 0) return operator;
    if (op.openBeforeSetup && (await operatorCount(op.audited ? db : readDb)) === 0) return operator;
    if (!operator)
      return refuse(op, input, null, 'unauthenticated', {
        code: 'operation.needs_sign_in',
        params: { operation: op.name },
        message: `${op.name} needs a signed-in operator`,
      });
    if (!rolesAllow(op.roles, operator.roles)) {
      return refuse(op, input, login, 'forbidden', {
        code: 'operation.needs_role',
        params: { operation: op.name, roles: op.roles.join(', ') },
        message: `${op.name} needs one of the roles ${op.roles.join(', ')}`,
      });
    }
    if (operator.mustChangePassword && !op.allowedBeforePasswordChange)
      return refuse(op, input, login, 'forbidden', {
        code: 'session.must_change_password',
        message: 'choose a new password first',
      });
    return operator;
  }

  /** An input nobody may read (D-SEC-8): refused and audited without it. */
  async function unreadable(
    op: AnyOperation,
    problem: FieldProblem,
    login: string | null,
    origin: CallOrigin | undefined,
  ): Promise<CallResult> {
    const busy = await auditRefusal({
      at: now().toISOString(),
      operatorLogin: login,
      channel: defaultChannel,
      operation: op.name,
      input: '(not read)',
      outcome: 'invalid',
      detail: `${problem.path}: ${problem.message}`,
      problem: { code: problem.code, params: problem.params },
      address: origin?.address,
    });
    if (busy) return busy;
    return {
      ok: false,
      kind: 'invalid',
      code: problem.code,
      ...(problem.params === undefined ? {} : { params: problem.params }),
      message: `invalid input for ${op.name}: ${problem.path} ${problem.message}`,
      problems: [problem],
    };
  }

  async function run(
    op: AnyOperation,
    input: unknown,
    login: string | null,
    session: CallSession | undefined,
    origin: CallOrigin | undefined,
    channel = defaultChannel,
  ): Promise<CallResult> {
    const operator = channel === SCHEDULER ? null : await authorize(op, login, input, session, origin);
    if (operator !== null && 'ok' in operator) return operator;
    const badText = textProblems(input);
    if (badText.length > 0) {
      return {
        ok: false,
        kind: 'invalid',
        code: badText[0]!.code,
        message: `invalid input for ${op.name}: ${badText.map((p) => `${p.path} ${p.message}`).join('; ')}`,
        problems: badText,
      };
    }
    const parsed = op.input.safeParse(input);
    if (!parsed.success) {
      return {
        ok: false,
        kind: 'invalid',
        code: 'operation.invalid_input',
        params: { operation: op.name },
        message: `invalid input for ${op.name}`,
        problems: zodProblems(parsed.error),
      };
    }
    const at = now();
    try {
      const output = await transact(
        op.audited ? db : readDb,
        async (trx: LedgerDb) => {
          const result = await op.handler(
            { db: trx, now: at, operator, channel, address: origin?.address ?? null, location, operationRoles },
            parsed.data,
          );
          if (op.audited) {
            await writeAudit(trx, {
              at: at.toISOString(),
              operatorLogin: operator?.login ?? op.auditActor?.(input) ?? null,
              channel,
              operation: op.name,
              input: maskSecrets(op, input),
              outcome: 'ok',
              detail: op.auditDetail?.(result) ?? null,
              address: origin?.address,
            });
          }
          return result;
        },
        { reads: !op.audited },
      );
      return { ok: true, output: output === undefined ? null : output };
    } catch (e) {
      if (e instanceof InputError) {
        const first = e.problems[0]!;
        return {
          ok: false,
          kind: 'invalid',
          code: first.code,
          ...(first.params === undefined ? {} : { params: first.params }),
          message: e.message,
          problems: e.problems,
        };
      }
      if (e instanceof BusyError) return { ok: false, kind: 'busy', code: 'ledger.busy', message: e.message };
      if (e instanceof Refused) {
        const who = e.kind === 'forbidden' ? login : (login ?? op.auditActor?.(input) ?? null);
        const refusal = { code: e.code, params: e.params, message: e.message };
        return refuseAs(op, input, who, e.kind, refusal, origin, channel);
      }
      return failed(e);
    }
  }

  async function call(
    operation: string,
    input: unknown,
    operatorLogin: string | null,
    session?: CallSession,
    origin?: CallOrigin,
  ): Promise<CallResult> {
    if (closed) return { ok: false, kind: 'failed', code: 'backoffice.closed', message: 'the back office is closed' };
    const op = catalog.get(operation);
    if (!op)
      return {
        ok: false,
        kind: 'unknown_operation',
        code: 'operation.unknown',
        params: { operation },
        message: `no operation ${operation}`,
      };
    if (input instanceof UnreadableInput || valueTooDeep(input)) {
      const problem = input instanceof UnreadableInput ? input.problem : tooDeep('input');
      return unreadable(op, problem, operatorLogin, origin);
    }
    try {
      return await run(op, input, operatorLogin, session, origin);
    } catch (e) {
      return failed(e);
    }
  }

  async function runScheduled(operation: string, input: unknown): Promise<CallResult> {
    if (closed) return { ok: false, kind: 'failed', code: 'backoffice.closed', message: 'the back office is closed' };
    const op = catalog.get(operation);
    if (!op?.scheduled)
      return {
        ok: false,
        kind: 'unknown_operation',
        code: 'operation.unknown',
        params: { operation },
        message: `no scheduled operation ${operation}`,
      };
    try {
      return await run(op, input, null, undefined, undefined, SCHEDULER);
    } catch (e) {
      return failed(e);
    }
  }

  return {
    operations: () => [...catalog.values()].map(describeOperation),
    // The handler's output is its operation's output type (catalog-types.ts): one map from name to operation.
    call: call as Backoffice['call'],
    runScheduled: runScheduled as Backoffice['runScheduled'],
    async close() {
      if (closed) return;
      closed = true;
      await reader?.close();
      await close();
    },
  };
}
