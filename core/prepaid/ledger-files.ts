import { sideFilesBase } from '../ledger/dialect';
import type { LedgerDb } from '../ledger/open-database';

/**
 * Where files that must not live inside the ledger (the prepaid code key, the notices holding codes) start
 * from: beside an SQLite ledger's file, or in the data folder for a PostgreSQL ledger (core/ledger/dialect.ts).
 * Empty for an in-memory database.
 */
export async function ledgerFile(db: LedgerDb): Promise<string> {
  return sideFilesBase(db);
}
