import { existsSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { InputError } from '../errors';
import { ledgerFile } from './database-file';
import type { LedgerDb } from './open-database';

export interface LedgerBackup {
  from: string;
  to: string;
  pages: number;
}

/**
 * Copies the ledger into a new file with SQLite's online backup, read through a second, read-only connection:
 * under WAL it reads the last committed state while the caller's transaction holds the write lock, so nothing
 * commits half way through the copy and the app may go on reading. SQLite only by nature (a PostgreSQL team
 * ledger is backed up with its own tools).
 */
export async function backupLedger(db: LedgerDb, to: string): Promise<LedgerBackup> {
  if (existsSync(to))
    throw InputError.one('to', 'file.exists', `${to} exists already; choose a new file`, { file: to });
  const from = await ledgerFile(db);
  if (from === '') throw InputError.one('to', 'backup.in_memory', 'an in-memory ledger has no file to copy');
  const source = new BetterSqlite3(from, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await source.backup(to);
    return { from, to, pages: totalPages };
  } finally {
    source.close();
  }
}
