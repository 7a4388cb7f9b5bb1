import { sql } from 'kysely';
import type { LedgerDb } from './open-database';

/**
 * The file of the open ledger (SQLite's main database), so files that must not live inside it (the prepaid
 * code key, the notices holding codes) can sit beside it, and a backup can read it. Empty for an in-memory
 * database.
 */
export async function ledgerFile(db: LedgerDb): Promise<string> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  return rows.find((r) => r.name === 'main')?.file ?? '';
}
