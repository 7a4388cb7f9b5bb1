import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type MigrationProvider,
} from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { closeSync, existsSync, openSync, statSync } from 'node:fs';
import pg from 'pg';
import { PostgresSchemaPlugin } from './dialect';
import { LedgerFault } from './faults';
import { displayLocation, isPostgresLocation } from './location';
import { migrations } from './migrations';
import { preparingOnce } from './statement-cache';
import { CheckpointAfterLargeWrites } from './checkpoint-after';
import type { Database } from './schema';

export type LedgerDb = Kysely<Database>;

interface Opened {
  db: LedgerDb;
  /** Where the ledger is, as given: a file path or a postgres:// URL. */
  location: string;
  close(): Promise<void>;
}

/** A ledger in one SQLite file: the embedded default for one person. */
export interface SqliteLedger extends Opened {
  engine: 'sqlite';
  /** The raw handle, for what Kysely does not do: online backup, integrity check. */
  sqlite: BetterSqlite3.Database;
}

/** A ledger in a PostgreSQL database: the team's one set of books (shared/TEAM.md). */
export interface PostgresLedger extends Opened {
  engine: 'postgres';
  sqlite?: undefined;
}

export type OpenedDatabase = SqliteLedger | PostgresLedger;

export interface OpenOptions {
  /** Bring the schema up to date (default). False: open as it is (a reader beside a ledger someone else opens). */
  migrate?: boolean;
  /** PostgreSQL: the most connections the pool keeps open (default 10). */
  maxConnections?: number;
  /**
   * SQLite: make a new ledger file when there is none (or it is empty). Default true for the library; the
   * command line says false except for setup and demo, so a mistyped --db is refused naming it (D-SEC-15).
   */
  create?: boolean;
  /** SQLite: how long a writer waits for another's write lock before `busy` (default 5 s; D-SEC-20). */
  busyTimeoutMs?: number;
  /** SQLite: run the quick check on open (default; D-SEC-15). False for a second connection to a file just checked. */
  quickCheck?: boolean;
}

/** D-SEC-20: how long an SQLite writer waits for another connection's write lock, unless the caller says. */
export const BUSY_TIMEOUT_MS = 5000;
/**
 * The test seam for that wait (as BACKOFFICE_TEST_SCRYPT_LOG2N is for password work): a test that holds the
 * lock from a second connection sets it low for the `backoffice` child it starts. Nothing in production does.
 */
export const TEST_BUSY_TIMEOUT_ENV = 'BACKOFFICE_TEST_BUSY_TIMEOUT_MS';
/** How often a writer looks again for the write lock while another connection holds it. */
const WAIT_SLICE_MS = 20;

function busyTimeoutMs(options: OpenOptions, env: NodeJS.ProcessEnv = process.env): number {
  if (options.busyTimeoutMs !== undefined) return options.busyTimeoutMs;
  const text = env[TEST_BUSY_TIMEOUT_ENV];
  if (text === undefined || text === '') return BUSY_TIMEOUT_MS;
  const ms = Number(text);
  if (!Number.isInteger(ms) || ms < 0 || ms > BUSY_TIMEOUT_MS)
    throw new Error(`${TEST_BUSY_TIMEOUT_ENV}=${text}: a whole number of milliseconds, 0–${BUSY_TIMEOUT_MS}`);
  return ms;
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE): a transaction that reads and then writes
 * would otherwise fail at once with SQLITE_BUSY if another process (the CLI beside the app) wrote in between,
 * instead of waiting its turn under the busy timeout. SQLite-specific by nature, so it lives with the dialect.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly busyTimeoutMs: number,
  ) {
    super({ database: preparingOnce(sqlite) });
    this.checkpoints = new CheckpointAfterLargeWrites(sqlite);
  }

  private readonly checkpoints: CheckpointAfterLargeWrites;

  /**
   * D-SEC-20: BEGIN IMMEDIATE, waiting for another connection's write lock in short slices rather than in
   * SQLite's busy handler, which would hold the whole process (every other request of a host) for as long.
   */
  private async beginImmediate(connection: DatabaseConnection): Promise<void> {
    const deadline = performance.now() + this.busyTimeoutMs;
    this.sqlite.pragma('busy_timeout = 0');
    try {
      for (;;) {
        try {
          await connection.executeQuery(CompiledQuery.raw('begin immediate'));
          return;
        } catch (e) {
          if ((e as { code?: unknown }).code !== 'SQLITE_BUSY' || performance.now() >= deadline) throw e;
          await sleep(WAIT_SLICE_MS);
        }
      }
    } finally {
      this.sqlite.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    // A reader's transaction (transact's `reads`, marked read only) begins deferred: under WAL it reads its own
    // snapshot while a writer holds the write lock, instead of queueing behind a 20-second import (D-SEC-17).
    driver.beginTransaction = async (connection, settings) => {
      if (settings.accessMode === 'read only') await connection.executeQuery(CompiledQuery.raw('begin deferred'));
      else {
        await this.beginImmediate(connection);
        this.checkpoints.begun();
      }
    };
    const commit = driver.commitTransaction.bind(driver);
    driver.commitTransaction = (connection) => this.checkpoints.commit(() => commit(connection));
    // SQLite rolls a transaction back by itself on some errors (SQLITE_FULL): a second ROLLBACK would fail with
    // "cannot rollback - no transaction is active" and hide the error that says what happened (D-SEC-14).
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** A close that may be called again: the second call waits for the first and does nothing more. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function migrate(db: LedgerDb, location: string): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `database ${displayLocation(location)}: migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** SQLite's page cache per connection, in KiB (its default is 2,000), filled only as pages are read (D-LEDGER-8). */
const PAGE_CACHE_KIB = 65_536;

/**
 * Opens (creating if needed) a ledger database file. WAL so readers never block the writer; synchronous FULL
 * because a committed money event must survive a power cut; foreign keys on; a busy timeout so a second
 * process (the CLI beside the app) waits instead of failing.
 */
async function openSqlite(file: string, options: OpenOptions): Promise<SqliteLedger> {
  const inMemory = file === '' || file === ':memory:';
  if (!inMemory) prepareLedgerFile(file, options.create ?? true);
  const busyTimeout = busyTimeoutMs(options);
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    // D-LEDGER-8: statement journals in memory, and a page cache a large write transaction fits better.
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma(`busy_timeout = ${busyTimeout}`);
    if (!inMemory && options.quickCheck !== false) checkIntegrity(sqlite, file);
  } catch (e) {
    sqlite?.close();
    throw damaged(file, e);
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect(sqlite, busyTimeout) });
  try {
    if (options.migrate !== false) await migrate(db, file);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  // Kysely closes the handle only if it ever ran a query on it: a connection that ran none (a reader never
  // used) would otherwise stay open, and SQLite would not fold the WAL back into the file when the last closes.
  const handle = sqlite;
  const closeAll = async () => {
    await db.destroy();
    if (handle.open) handle.close();
  };
  return { engine: 'sqlite', db, sqlite, location: file, close: once(closeAll) };
}

/**
 * D-SEC-15: a ledger file is made only where the caller may make one (setup, demo, the app's first start), and
 * made readable by its owner alone (D-SEC-16: it holds every member's personal data); SQLite gives the -wal and
 * -shm files beside it the same mode. A missing or empty file is otherwise refused, naming it.
 */
function prepareLedgerFile(file: string, create: boolean): void {
  const empty = !existsSync(file) || statSync(file).size === 0;
  if (!empty) return;
  if (!create)
    throw new LedgerFault(
      'ledger.missing',
      `there is no ledger at ${file}: check --db (a new ledger is made only by setup, demo or the app's first start)`,
      { file },
    );
  if (!existsSync(file)) closeSync(openSync(file, 'wx', 0o600));
}

/**
 * D-SEC-15: on open, SQLite's quick check (every page's structure, without the slower index comparison): a
 * damaged file is refused before anyone reads a balance from it.
 */
function checkIntegrity(sqlite: BetterSqlite3.Database, file: string): void {
  const rows = sqlite.pragma('quick_check(3)') as { quick_check: string }[];
  const problems = rows
    .map((r) => r.quick_check)
    .filter((r) => r !== 'ok')
    .map((r) => r.replace(/^\*\*\* in database main \*\*\*\s*/, '').replace(/\s+/g, ' '));
  if (problems.length > 0)
    throw new LedgerFault(
      'ledger.damaged',
      `the ledger ${file} is damaged (${problems.join('; ')}): restore it from a backup (backoffice backup --restore)`,
      { file },
    );
}

/** Any failure to open an SQLite file as a ledger, said with the file's name (D-SEC-15). */
function damaged(file: string, e: unknown): unknown {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^SQLITE_(NOTADB|CORRUPT|IOERR_SHORT_READ)/.test(code)) return e;
  const reason = e instanceof Error ? e.message : String(e);
  const said = code.startsWith('SQLITE_NOTADB')
    ? `the ledger ${file} cannot be read (${reason}): is it a back office ledger? Restore it from a backup`
    : `the ledger ${file} is damaged (${reason}): restore it from a backup (backoffice backup --restore)`;
  return new LedgerFault('ledger.damaged', said, { file });
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;

/**
 * Values as the rest of core expects them, the same as SQLite hands them back: a bigint (ids, counts, integer
 * yen) or a whole numeric (what sum() of bigints gives) as a JavaScript number while it is exact, as its exact
 * decimal string past 2^53 or with a fraction (yenFromDb takes both). Dates stay strings: the schema has none.
 */
function exactNumber(text: string): number | string {
  if (!/^-?\d+$/.test(text)) return text;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}

const ledgerTypes = {
  getTypeParser(oid: number, format?: string) {
    if (oid === INT8_OID || oid === NUMERIC_OID) return exactNumber;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * Opens a PostgreSQL ledger and brings its schema up to date. Every transaction is SERIALIZABLE (set for the
 * whole session): each one sees the ledger as if it ran alone, like SQLite's single writer, and one that
 * could not be serialized fails with 40001 and is run again by `transact` (transaction.ts). The migrations go
 * through PostgresSchemaPlugin (dialect.ts) for the column types.
 */
async function openPostgres(url: string, options: OpenOptions): Promise<PostgresLedger> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    types: ledgerTypes,
    options: '-c default_transaction_isolation=serializable -c timezone=UTC',
    application_name: 'backoffice',
  });
  // An idle connection the server drops (restart, network) must not take the process down with it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    if (options.migrate !== false) await migrate(db.withPlugin(new PostgresSchemaPlugin()), url);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return { engine: 'postgres', db, location: url, close: once(() => db.destroy()) };
}

/** Opens the ledger at `location`: a postgres:// URL, or else an SQLite file (created if missing). */
export async function openDatabase(location: string, options: OpenOptions = {}): Promise<OpenedDatabase> {
  return isPostgresLocation(location) ? openPostgres(location, options) : openSqlite(location, options);
}
