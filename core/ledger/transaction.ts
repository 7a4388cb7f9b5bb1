import { setTimeout as sleep } from 'node:timers/promises';
import { conflictOf, enterWriters, transactionFor } from './dialect';
import { DiskFullError, isDiskFull } from './faults';
import type { LedgerDb } from './open-database';

/**
 * The ledger could not run a transaction for the others running at the same moment: a serialization failure
 * or deadlock retried `attempts` times, or a lock waited for past its limit. Nothing was written; the same
 * call may simply be made again.
 */
export class BusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BusyError';
  }
}

export interface TransactOptions {
  /** How many times to run the transaction before answering busy (default 5). */
  attempts?: number;
  /** Only reads: on SQLite it does not wait for the write lock (D-SEC-17). */
  reads?: boolean;
}

const DEFAULT_ATTEMPTS = 5;

/** A few milliseconds, random, so two transactions that collided do not start again in step. */
function jitterMs(attempt: number): number {
  return Math.random() * Math.min(100, 2 ** attempt);
}

/**
 * Runs `fn` in one transaction, or inside the caller's when `db` already is one (Kysely cannot nest them).
 * On PostgreSQL every transaction is SERIALIZABLE (open-database.ts) and writers run side by side: when the
 * engine refuses to commit one because another ran at the same time (40001) or they deadlocked (40P01),
 * nothing of it was written and it is run again from the start, reading the ledger afresh, this time alone
 * (enterWriters in dialect.ts), so a second attempt does not collide again. On SQLite transactions queue for
 * the write lock (BEGIN IMMEDIATE); one that waited past the busy timeout queues again. After `attempts`
 * runs, BusyError. `fn` must therefore do nothing outside the database that cannot be done twice.
 */
export async function transact<T>(
  db: LedgerDb,
  fn: (trx: LedgerDb) => Promise<T>,
  options: TransactOptions = {},
): Promise<T> {
  if (db.isTransaction) return fn(db);
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    try {
      return await transactionFor(db, options.reads ?? false).execute(async (trx) => {
        await enterWriters(trx, attempt > 1);
        return fn(trx);
      });
    } catch (e) {
      if (isDiskFull(e)) throw new DiskFullError();
      const conflict = conflictOf(e);
      if (conflict === null) throw e;
      if (conflict === 'busy' || attempt >= attempts) {
        throw new BusyError(
          conflict === 'busy'
            ? 'the ledger is busy (a lock was held past its time limit): nothing was written; try again'
            : `the ledger is busy: ${attempts} attempts collided with other writers; nothing was written, try again`,
        );
      }
      await sleep(jitterMs(attempt));
    }
  }
}
