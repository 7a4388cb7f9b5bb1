import { sql } from 'kysely';
import { InputError, Refused } from '../errors';
import { writeAudit } from '../ledger/audit';
import type { LedgerDb } from '../ledger/open-database';
import { findApplied, recordApplied, type AppliedAnswer, type JsonValue } from './applied-store';

/** One operation made offline, as the desktop queued it. */
export interface OfflineOperation {
  /** UUIDv7 made on the laptop when the rep did it. */
  id: string;
  operation: string;
  input: unknown;
  /** When the rep did it (UTC ISO). */
  madeAt: string;
}

export interface OfflineOperationContext {
  db: LedgerDb;
  desktopId: string;
  login: string;
  /** The laptop's time of the operation (D-SYNC-5): what its estimate's dates follow. */
  madeAt: Date;
}

/** How the server carries out one kind of offline operation; throws InputError or Refused to refuse it. */
export type OfflineRunner = (ctx: OfflineOperationContext, input: unknown) => Promise<unknown>;

export type ApplyResult = AppliedAnswer & { id: string; replayed: boolean };

/** A laptop clock this far ahead of the server's is not believed (D-SYNC-5). */
export const MADE_AT_TOLERANCE_MS = 10 * 60_000;

/**
 * Applies a desktop's queued operations in their order, each at most once (its id recorded with the answer in
 * the same transaction as its effect): an id already recorded is answered as it was the first time and nothing
 * runs again. A refused operation leaves nothing of its own (a savepoint rolls it back) but its refusal is
 * recorded too, so a replay is refused alike; the operations after it are still tried (D-SYNC-6). Any other
 * failure (the ledger busy, a bug) rolls the whole batch back: the desktop sends it again later.
 */
export async function applyOfflineOperations(
  db: LedgerDb,
  batch: { desktopId: string; login: string; now: Date; operations: OfflineOperation[] },
  runners: Readonly<Record<string, OfflineRunner>>,
  channel: string,
): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  for (const op of batch.operations) {
    const earlier = await findApplied(db, op.id);
    if (earlier !== null) {
      results.push({ ...earlier, id: op.id, replayed: true });
      continue;
    }
    const answer = await runOne(db, batch, op, runners);
    await recordApplied(db, {
      operationId: op.id,
      desktopId: batch.desktopId,
      login: batch.login,
      operation: op.operation,
      madeAt: op.madeAt,
      appliedAt: batch.now.toISOString(),
      answer,
    });
    if (answer.outcome === 'applied')
      await writeAudit(db, {
        at: batch.now.toISOString(),
        operatorLogin: batch.login,
        channel,
        operation: op.operation,
        input: op.input,
        outcome: 'ok',
        detail: `offline ${op.id} made ${op.madeAt}`,
      });
    results.push({ ...answer, id: op.id, replayed: false });
  }
  return results;
}

async function runOne(
  db: LedgerDb,
  batch: { desktopId: string; login: string; now: Date },
  op: OfflineOperation,
  runners: Readonly<Record<string, OfflineRunner>>,
): Promise<AppliedAnswer> {
  const runner = runners[op.operation];
  if (runner === undefined)
    return {
      outcome: 'refused',
      code: 'sync.not_offline',
      params: { operation: op.operation },
      message: `${op.operation} is not made offline`,
    };
  const madeAt = new Date(op.madeAt);
  if (madeAt.getTime() > batch.now.getTime() + MADE_AT_TOLERANCE_MS)
    return {
      outcome: 'refused',
      code: 'sync.clock_ahead',
      params: { madeAt: op.madeAt },
      message: `made at ${op.madeAt}, later than the server's time: the laptop's clock is wrong`,
    };
  await sql`savepoint offline_operation`.execute(db);
  try {
    const output = await runner({ db, desktopId: batch.desktopId, login: batch.login, madeAt }, op.input);
    await sql`release savepoint offline_operation`.execute(db);
    return { outcome: 'applied', output: (output ?? null) as JsonValue };
  } catch (e) {
    if (!(e instanceof InputError) && !(e instanceof Refused)) throw e;
    await sql`rollback to savepoint offline_operation`.execute(db);
    await sql`release savepoint offline_operation`.execute(db);
    if (e instanceof Refused)
      return { outcome: 'refused', code: e.code, ...(e.params ? { params: e.params } : {}), message: e.message };
    const first = e.problems[0]!;
    return {
      outcome: 'refused',
      code: first.code,
      ...(first.params ? { params: first.params } : {}),
      message: e.message,
    };
  }
}
