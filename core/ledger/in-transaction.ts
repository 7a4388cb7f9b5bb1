import type { LedgerDb } from '../ledger/open-database';

/**
 * Runs `fn` in a transaction of its own, or inside the caller's when `db` already is one (an operation of the
 * catalog runs whole in one transaction: Kysely cannot nest them).
 */
export function inTransaction<T>(db: LedgerDb, fn: (trx: LedgerDb) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
