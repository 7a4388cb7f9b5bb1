import {
  closeSync,
  createReadStream,
  createWriteStream,
  existsSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { once } from 'node:events';
import BetterSqlite3 from 'better-sqlite3';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { InputError } from '../errors';
import { copyLedger, loadLedger, readLedger, type LedgerCensus, type LedgerTable, type TableRows } from './copy';
import { displayLocation, isPostgresLocation } from './location';
import { openDatabase, type LedgerDb } from './open-database';

/**
 * Backups of a ledger. An SQLite ledger is copied with SQLite's online backup: the copy is itself a ledger file.
 * A PostgreSQL ledger is written as a logical dump (pg_dump need not be installed): every table read in one
 * consistent snapshot (REPEATABLE READ on PostgreSQL, as pg_dump does), restored by the same loader as `migrate-to` into an empty
 * ledger, which keeps it only if every row count and the trial balance match the dump's. The file is gzip of
 * JSON lines: a header (format, tables with their columns, the census), then the rows, table by table.
 * It needs no pg_dump on the machine, and restores into either engine.
 */

export const DUMP_FORMAT = 'backoffice-ledger-dump';
const DUMP_VERSION = 1;

interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  tables: LedgerTable[];
  census: LedgerCensus;
}

export interface DumpResult {
  file: string;
  tables: number;
  rows: number;
  census: LedgerCensus;
}

/** Writes the dump of `db` to `file` (refused if it exists); a failed dump leaves no file behind. */
export async function dumpLedger(db: LedgerDb, file: string): Promise<DumpResult> {
  refuseExisting(file);
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  try {
    const result = await readLedger(db, async (tables, census, rows) => {
      const header: DumpHeader = { format: DUMP_FORMAT, version: DUMP_VERSION, tables, census };
      await write(header);
      let count = 0;
      for await (const chunk of rows) {
        await write(chunk);
        count += chunk.rows.length;
      }
      return { file, tables: tables.length, rows: count, census };
    });
    gzip.end();
    await once(out, 'close');
    renameSync(partial, file);
    return result;
  } catch (e) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  }
}

function readHeader(line: string | undefined, file: string): DumpHeader {
  let header: Partial<DumpHeader> | null = null;
  try {
    header = line === undefined ? null : (JSON.parse(line) as Partial<DumpHeader>);
  } catch {
    header = null;
  }
  if (header?.format !== DUMP_FORMAT || !Array.isArray(header.tables) || !header.census)
    throw InputError.one('--restore', 'backup.not_a_dump', `${file} is not a back office ledger dump`, { file });
  if (header.version !== DUMP_VERSION)
    throw InputError.one(
      '--restore',
      'backup.dump_version',
      `${file} is a dump of version ${header.version}; this back office reads ${DUMP_VERSION}`,
      { file, version: String(header.version), reads: DUMP_VERSION },
    );
  return header as DumpHeader;
}

export type BackupResult =
  | { engine: 'sqlite'; from: string; to: string; pages: number }
  | ({ engine: 'postgres'; from: string; to: string } & Omit<DumpResult, 'file'>);

/** The backup's file must be new: a backup never overwrites anything. */
function refuseExisting(to: string): void {
  if (existsSync(to))
    throw InputError.one('to', 'file.exists', `${to} exists already; choose a new file`, { file: to });
}

/**
 * Backs the ledger at `location` up to `to` (a new file) while it is in use, through a connection of its own
 * beside the caller's (ledger.backup runs in the catalog's transaction, which on SQLite holds the write lock):
 * on SQLite the online backup from a read-only handle, which under WAL reads the last committed state; on
 * PostgreSQL the logical dump in a REPEATABLE READ snapshot of its own, as pg_dump, so writers go on meanwhile
 * and the caller's own uncommitted writes (its audit entry) are not in it.
 */
export async function backupLedger(location: string, to: string): Promise<BackupResult> {
  refuseExisting(to);
  const from = displayLocation(location);
  if (!isPostgresLocation(location)) {
    if (location === '' || location === ':memory:')
      throw InputError.one('to', 'backup.in_memory', 'an in-memory ledger has no file to copy');
    const source = new BetterSqlite3(location, { readonly: true, fileMustExist: true });
    try {
      // Made first, readable by its owner alone (D-SEC-16): SQLite would make it as the umask allows (0644).
      closeSync(openSync(to, 'wx', 0o600));
      try {
        const { totalPages } = await source.backup(to);
        return { engine: 'sqlite', from, to, pages: totalPages };
      } catch (e) {
        rmSync(to, { force: true });
        throw e;
      }
    } finally {
      source.close();
    }
  }
  const reader = await openDatabase(location, { migrate: false, maxConnections: 1 });
  try {
    const { file: _file, ...dump } = await dumpLedger(reader.db, to);
    return { engine: 'postgres', from, to, ...dump };
  } finally {
    await reader.close();
  }
}

function isGzip(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    return readSync(fd, head, 0, 2, 0) === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/**
 * Restores a backup into `db`, which must be an empty ledger at the backup's migration (a new database,
 * migrated by opening it): a dump, or an SQLite ledger file (SQLite's backup), whichever engine `db` is on.
 * One transaction, kept only if counts and trial balance match: everything or nothing.
 */
export async function restoreLedger(db: LedgerDb, file: string): Promise<LedgerCensus> {
  if (!existsSync(file)) throw InputError.one('--restore', 'file.not_found', `no file ${file}`, { file });
  if (!isGzip(file)) {
    const source = await openDatabase(file, { migrate: false });
    try {
      return await copyLedger(source.db, db);
    } finally {
      await source.close();
    }
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const first = await iterator.next().catch(() => ({ value: undefined, done: true }));
    const header = readHeader(first.done ? undefined : (first.value as string), file);
    async function* rows(): AsyncGenerator<TableRows> {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        if (next.value !== '') yield JSON.parse(next.value as string) as TableRows;
      }
    }
    return await loadLedger(db, header.tables, header.census, rows());
  } finally {
    lines.close();
  }
}
