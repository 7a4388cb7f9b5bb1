import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, SqliteDialect, type Driver, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './schema';

export type LedgerDb = Kysely<Database>;

export interface OpenedDatabase {
  db: LedgerDb;
  /** The raw handle, for what Kysely does not do: online backup, integrity check. */
  sqlite: BetterSqlite3.Database;
  close(): Promise<void>;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE): a transaction that reads and then writes
 * would otherwise fail at once with SQLITE_BUSY if another process (the CLI beside the app) wrote in between,
 * instead of waiting its turn under the busy timeout. SQLite-specific by nature, so it lives with the dialect.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
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
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `database ${file}: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { db, sqlite, close: () => db.destroy() };
}
