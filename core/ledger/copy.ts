import { sql } from 'kysely';
import { fieldProblem, InputError, type FieldProblem } from '../errors';
import { afterBulkLoad, readSnapshot, withForeignKeysDeferred } from './dialect';
import type { LedgerDb } from './open-database';
import { trialBalance, type TrialBalance } from './reports';

/**
 * A whole ledger moved from one database to another: the tables and their rows, whatever the engines
 * (`backoffice migrate-to` copies an SQLite file into PostgreSQL; a PostgreSQL backup is a dump of the same
 * rows, restored by the same loader). The target must be an empty ledger at the same migration; the copy is
 * one transaction there, and it is kept only if every table's row count and the trial balance come out equal
 * on both sides.
 */

export interface LedgerTable {
  name: string;
  columns: string[];
}

/** What must be equal on both sides of a copy. */
export interface LedgerCensus {
  migrations: string[];
  counts: Record<string, number>;
  trialBalance: TrialBalance;
}

export interface TableRows {
  table: string;
  /** Values in the order of the table's columns. */
  rows: unknown[][];
}

const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];
const READ_CHUNK = 2000;

/** Every table of the ledger with its columns, by name (Kysely's introspection: the same on both engines). */
export async function ledgerTables(db: LedgerDb): Promise<LedgerTable[]> {
  const tables = await db.introspection.getTables();
  return tables
    .filter((t) => !t.isView && !MIGRATION_TABLES.includes(t.name))
    .map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

async function appliedMigrations(db: LedgerDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** The migrations applied, the rows of every table and the trial balance, read in the caller's snapshot. */
export async function ledgerCensus(db: LedgerDb, tables?: LedgerTable[]): Promise<LedgerCensus> {
  const counts: Record<string, number> = {};
  for (const t of tables ?? (await ledgerTables(db))) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t.name)}`.execute(db);
    counts[t.name] = Number(rows[0]!.n);
  }
  return { migrations: await appliedMigrations(db), counts, trialBalance: await trialBalance(db) };
}

/**
 * A table's rows in chunks, in a stable order: by id where the table has one (keyset, so a large table is
 * read in linear time), else by every column.
 */
export async function* tableRows(db: LedgerDb, table: LedgerTable): AsyncGenerator<unknown[][]> {
  const columns = table.columns.map((c) => sql.ref(c));
  const list = sql.join(columns);
  if (table.columns.includes('id')) {
    let after: unknown = null;
    for (;;) {
      const where = after === null ? sql`` : sql`where id > ${after}`;
      const { rows } = await sql<Record<string, unknown>>`select ${list} from ${sql.table(table.name)} ${where}
        order by id limit ${READ_CHUNK}`.execute(db);
      if (rows.length === 0) return;
      yield rows.map((r) => table.columns.map((c) => r[c]));
      after = rows[rows.length - 1]!.id;
      if (rows.length < READ_CHUNK) return;
    }
  }
  for (let offset = 0; ; offset += READ_CHUNK) {
    const { rows } = await sql<Record<string, unknown>>`select ${list} from ${sql.table(table.name)}
      order by ${list} limit ${READ_CHUNK} offset ${offset}`.execute(db);
    if (rows.length === 0) return;
    yield rows.map((r) => table.columns.map((c) => r[c]));
    if (rows.length < READ_CHUNK) return;
  }
}

/** Reads a whole ledger in one consistent snapshot: its tables, census and rows, handed to `use` as they come. */
export async function readLedger<T>(
  db: LedgerDb,
  use: (tables: LedgerTable[], census: LedgerCensus, rows: AsyncIterable<TableRows>) => Promise<T>,
): Promise<T> {
  return readSnapshot(db, async (trx) => {
    const tables = await ledgerTables(trx);
    const census = await ledgerCensus(trx, tables);
    async function* all(): AsyncGenerator<TableRows> {
      for (const table of tables) for await (const rows of tableRows(trx, table)) yield { table: table.name, rows };
    }
    return use(tables, census, all());
  });
}

/** Refuses a target that is not an empty ledger at the source's migration, naming what is in the way. */
async function checkEmptyTarget(trx: LedgerDb, tables: LedgerTable[], expected: LedgerCensus): Promise<void> {
  const target = await ledgerCensus(trx);
  const problems: FieldProblem[] = [];
  if (target.migrations.join(',') !== expected.migrations.join(',')) {
    const at = { target: target.migrations.at(-1) ?? '—', source: expected.migrations.at(-1) ?? '—' };
    problems.push(
      fieldProblem(
        'migrations',
        'ledger_copy.other_migration',
        `the target is at ${target.migrations.at(-1) ?? 'no migration'}, the source at ${expected.migrations.at(-1) ?? 'no migration'}: bring both to the same version first`,
        at,
      ),
    );
  }
  const full = Object.entries(target.counts).filter(([, n]) => n > 0);
  if (full.length > 0) {
    const rows = full.map(([t, n]) => `${t}: ${n}`).join(', ');
    problems.push(
      fieldProblem(
        'target',
        'ledger_copy.target_not_empty',
        `the target ledger is not empty (${rows}): nothing was written`,
        { rows },
      ),
    );
  }
  const targetNames = Object.keys(target.counts).sort().join(',');
  const sourceNames = tables.map((t) => t.name).join(',');
  if (problems.length === 0 && targetNames !== sourceNames)
    problems.push(
      fieldProblem(
        'tables',
        'ledger_copy.other_tables',
        `the target's tables (${targetNames}) are not the source's (${sourceNames})`,
        { target: targetNames, source: sourceNames },
      ),
    );
  if (problems.length > 0) throw new InputError(problems);
}

/** Rows per INSERT: well under both engines' limit of bound parameters (SQLite 32,766; PostgreSQL 65,535). */
function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

function describeDifference(expected: LedgerCensus, loaded: LedgerCensus): string | null {
  const counts = Object.keys({ ...expected.counts, ...loaded.counts })
    .filter((t) => expected.counts[t] !== loaded.counts[t])
    .map((t) => `${t}: ${expected.counts[t] ?? 0} in the source, ${loaded.counts[t] ?? 0} copied`);
  if (counts.length > 0) return `row counts differ: ${counts.join('; ')}`;
  if (JSON.stringify(expected.trialBalance) !== JSON.stringify(loaded.trialBalance))
    return `the trial balance differs: ${JSON.stringify(expected.trialBalance)} in the source, ${JSON.stringify(loaded.trialBalance)} copied`;
  return null;
}

/**
 * Loads a ledger's rows into an empty target in one transaction: foreign keys checked once at the end (a
 * ledger has references both ways between prepaid IDs and applications), identity counters moved past the
 * copied ids, then every count and the trial balance compared with the source's census. Any difference
 * throws and nothing stays written. Returns the target's census.
 */
export async function loadLedger(
  target: LedgerDb,
  tables: LedgerTable[],
  expected: LedgerCensus,
  rows: AsyncIterable<TableRows>,
): Promise<LedgerCensus> {
  const byName = new Map(tables.map((t) => [t.name, t]));
  return target.transaction().execute(async (trx) => {
    await checkEmptyTarget(trx, tables, expected);
    await withForeignKeysDeferred(trx, async () => {
      for await (const chunk of rows) {
        const table = byName.get(chunk.table);
        if (!table) throw new Error(`rows of an unknown table ${chunk.table}`);
        const size = rowsPerInsert(table.columns.length);
        for (let i = 0; i < chunk.rows.length; i += size) {
          const values = chunk.rows.slice(i, i + size).map((r) => sql`(${sql.join(r.map((v) => sql`${v}`))})`);
          await sql`insert into ${sql.table(table.name)} (${sql.join(table.columns.map((c) => sql.ref(c)))})
            values ${sql.join(values)}`.execute(trx);
        }
      }
    });
    await afterBulkLoad(trx, tables);
    const loaded = await ledgerCensus(trx, tables);
    const difference = describeDifference(expected, loaded);
    if (difference) throw new Error(`the copy does not match its source, nothing was written: ${difference}`);
    return loaded;
  });
}

/** Copies every table of `source` into the empty ledger `target` (see loadLedger); returns the census. */
export async function copyLedger(source: LedgerDb, target: LedgerDb): Promise<LedgerCensus> {
  return readLedger(source, (tables, census, rows) => loadLedger(target, tables, census, rows));
}
