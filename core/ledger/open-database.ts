import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

export type LedgerDb = Kysely<Database>;

export interface OpenedDatabase {
  db: LedgerDb;
  /** The raw handle, for what Kysely does not do: online backup, integrity check. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Opens (creating if needed) a ledger database file and brings its schema up to date. WAL so readers never
 * block the writer; synchronous FULL because a committed money event must survive a power cut; foreign keys
 * on; a busy timeout so a second process (the CLI beside the app) waits instead of failing.
 */
export async function openDatabase(file: string): Promise<OpenedDatabase> {
  const sqlite = new BetterSqlite3(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
  } catch (e) {
    sqlite.close();
    throw e;
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database ${file}: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { db, sqlite, close: () => db.destroy() };
}
