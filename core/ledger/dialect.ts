import {
  ColumnDefinitionNode,
  DataTypeNode,
  GeneratedNode,
  OperationNodeTransformer,
  PostgresAdapter,
  RawNode,
  sql,
  type Kysely,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type SelectQueryBuilder,
  type UnknownRow,
} from 'kysely';
import path from 'node:path';
import { backofficeDataFolder } from './data-folder';

/**
 * Everything that differs between the two engines beyond what Kysely already hides, in one place (the opening
 * of each engine is in open-database.ts). Queries elsewhere in core are dialect-neutral and never ask which
 * engine they run on; they call these functions where the engines cannot be made to agree.
 *
 * The migrations call the DDL helpers here: on SQLite those must keep producing, byte for byte, the schema
 * that existing ledgers have (test/ledger/schema-snapshot.test.ts holds it).
 */

export type Engine = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: migrations see an untyped one
type AnyDb = Kysely<any>;

/** The engine under a Kysely instance or one of its transactions. */
export function engineOf(db: AnyDb): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

// ---------------------------------------------------------------------------------------------------------
// Schema (used by the migrations)

/**
 * Posted entries and audit rows are facts: corrections are new rows, never edits (DOMAIN.md, Accounting). The
 * database itself refuses UPDATE and DELETE on such a table, with the message `TABLE is append-only`.
 */
export async function makeAppendOnly(db: AnyDb, table: string): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    for (const event of ['UPDATE', 'DELETE'] as const) await sqliteAppendOnlyTrigger(table, event).execute(db);
    return;
  }
  await sql
    .raw(
      `CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ ` +
        `BEGIN RAISE EXCEPTION '${appendOnlyMessage(table)}' USING ERRCODE = 'restrict_violation'; END $$`,
    )
    .execute(db);
  // TRUNCATE bypasses row triggers: refuse it too.
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table} ` +
        `FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
  await sql
    .raw(
      `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} ` +
        `FOR EACH STATEMENT EXECUTE FUNCTION ${table}_append_only()`,
    )
    .execute(db);
}

function appendOnlyMessage(table: string): string {
  return `${table} is append-only`;
}

function sqliteAppendOnlyTrigger(table: string, event: 'UPDATE' | 'DELETE'): RawBuilder<unknown> {
  return sql.raw(
    `CREATE TRIGGER ${table}_no_${event.toLowerCase()} BEFORE ${event} ON ${table} ` +
      `BEGIN SELECT RAISE(ABORT, '${appendOnlyMessage(table)}'); END`,
  );
}

/**
 * Runs `fill` with UPDATE allowed on an append-only table (makeAppendOnly), for a migration that moves what
 * rows already say into another column of theirs; never for a correction (that is a new row). The refusal is
 * back, unchanged, when `fill` is done.
 */
export async function updatingAppendOnly(db: AnyDb, table: string, fill: () => Promise<void>): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql.raw(`DROP TRIGGER ${table}_no_update`).execute(db);
    await fill();
    await sqliteAppendOnlyTrigger(table, 'UPDATE').execute(db);
    return;
  }
  await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_no_change`).execute(db);
  await fill();
  await sql.raw(`ALTER TABLE ${table} ENABLE TRIGGER ${table}_no_change`).execute(db);
}

/** A CHECK that `column` is NULL or exactly `length` ASCII digits. */
export function nullOrDigits(db: AnyDb, column: string, length: number): RawBuilder<unknown> {
  if (engineOf(db) === 'sqlite')
    return sql.raw(`${column} is null or (length(${column}) = ${length} and ${column} not glob '*[^0-9]*')`);
  return sql.raw(`${column} is null or ${column} ~ '^[0-9]{${length}}$'`);
}

/** `count` parameter marks, comma-separated, for a raw statement: `?` on SQLite, `$1`… on PostgreSQL. */
export function parameterMarks(db: AnyDb, count: number): string {
  const postgres = engineOf(db) === 'postgres';
  return Array.from({ length: count }, (_, i) => (postgres ? `$${i + 1}` : '?')).join(', ');
}

/**
 * How the migrations' column types read on PostgreSQL. `integer` becomes `bigint`: yen amounts and counts
 * may pass 2^31, and SQLite's INTEGER is 64-bit too. An auto-increment key becomes an identity column.
 * Text collates "C": comparisons and ORDER BY go by code point, as in SQLite, whatever locale the database
 * was created with (the member search's prefix ranges depend on it).
 */
class PostgresColumnTypes extends OperationNodeTransformer {
  protected override transformColumnDefinition(node: ColumnDefinitionNode): ColumnDefinitionNode {
    const column = super.transformColumnDefinition(node);
    const type = DataTypeNode.is(column.dataType) ? column.dataType.dataType : null;
    if (type === 'integer') {
      return Object.freeze({
        ...column,
        dataType: DataTypeNode.create('bigint'),
        ...(column.autoIncrement
          ? { autoIncrement: undefined, generated: GeneratedNode.create({ byDefault: true, identity: true }) }
          : {}),
      });
    }
    if (type === 'text')
      return ColumnDefinitionNode.cloneWithFrontModifier(column, RawNode.createWithSql('collate "C"'));
    return column;
  }
}

/** Applied to the Kysely instance that runs the migrations on PostgreSQL (see PostgresColumnTypes). */
export class PostgresSchemaPlugin implements KyselyPlugin {
  readonly #types = new PostgresColumnTypes();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.#types.transformNode(args.node);
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Concurrency

/**
 * The rows a query selects, locked until the transaction ends (SELECT … FOR UPDATE) on PostgreSQL. SQLite has
 * no row locks and needs none: a transaction there holds the whole database's write lock from its start.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any select query
export function lockRows<Q extends SelectQueryBuilder<any, any, any>>(db: AnyDb, query: Q): Q {
  return engineOf(db) === 'postgres' ? (query.forUpdate() as Q) : query;
}

/**
 * The first statement of every transaction `transact` runs. On PostgreSQL writers share the writer gate, and a
 * transaction run again after a collision (`alone`) takes it exclusively: it waits for the writers in flight,
 * keeps new ones waiting behind it, and as LOCK TABLE comes before its first query its snapshot is taken only
 * then, so it sees everything committed and has nobody left to collide with. Writers run concurrently while
 * they do not collide, and one that did is not starved by the others. SQLite: nothing (one writer at a time).
 */
export async function enterWriters(trx: AnyDb, alone: boolean): Promise<void> {
  if (engineOf(trx) === 'sqlite') return;
  await sql.raw(`lock table writer_gate in ${alone ? 'exclusive' : 'row share'} mode`).execute(trx);
}

/**
 * The transaction builder for `transact`. A reader on SQLite is marked read only, which open-database.ts begins
 * DEFERRED rather than IMMEDIATE: under WAL it reads a snapshot beside the writer (D-SEC-17). On PostgreSQL a
 * reader's transaction is a writer's (SERIALIZABLE readers never wait for writers there).
 */
export function transactionFor<DB>(db: Kysely<DB>, reads: boolean) {
  return reads && engineOf(db) === 'sqlite' ? db.transaction().setAccessMode('read only') : db.transaction();
}

/**
 * What a failed statement means for the transaction that ran it: `retry` when the engine gave up on it
 * because of another transaction (PostgreSQL serialization failure 40001 or deadlock 40P01; SQLite's busy
 * timeout passed while another process held the write lock): running the transaction again from the start is
 * correct; `busy` when PostgreSQL waited its lock timeout (55P03); null for anything else.
 */
export function conflictOf(error: unknown): 'retry' | 'busy' | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '40001' || code === '40P01' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT') return 'retry';
  if (code === '55P03') return 'busy';
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Files kept beside the ledger

/**
 * The path that files belonging with this ledger but never inside it start from (the prepaid code key
 * `BASE.prepaid-key`, notices holding codes in `BASE.outbox/`): the SQLite file itself, so they sit beside it
 * ('' for an in-memory ledger). A PostgreSQL ledger has no file on this machine: BASE is then
 * `postgres/HOST-PORT-DATABASE` in the back office's data folder of the machine that runs the command.
 */
export async function sideFilesBase(db: AnyDb): Promise<string> {
  if (engineOf(db) === 'sqlite') {
    const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
    return rows.find((r) => r.name === 'main')?.file ?? '';
  }
  const { rows } = await sql<{ database: string; host: string | null; port: number | null }>`
    select current_database() as database, host(inet_server_addr()) as host, inet_server_port() as port`.execute(db);
  const { database, host, port } = rows[0]!;
  const name = `${host ?? 'socket'}-${port ?? 'default'}-${database}`.replace(/[^A-Za-z0-9._-]/g, '_');
  return path.join(backofficeDataFolder(), 'postgres', name);
}

// ---------------------------------------------------------------------------------------------------------
// Whole-ledger copies (copy.ts)

/**
 * Runs `fn` in one transaction that sees the ledger as of one moment while others go on writing: on
 * PostgreSQL REPEATABLE READ, READ ONLY (what pg_dump does); on SQLite a transaction holds the write lock
 * from its start, so nothing changes under it.
 */
export function readSnapshot<T>(db: AnyDb, fn: (trx: AnyDb) => Promise<T>): Promise<T> {
  if (engineOf(db) === 'sqlite') return db.transaction().execute(fn);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
}

/**
 * Runs `fn` (inserting a whole ledger) with foreign keys checked once at the end instead of row by row, in the
 * caller's transaction. SQLite defers them to the commit. PostgreSQL cannot defer constraints made NOT
 * DEFERRABLE, so they are dropped and added again: adding one checks every row, and a failure rolls it all back.
 */
export async function withForeignKeysDeferred(trx: AnyDb, fn: () => Promise<void>): Promise<void> {
  if (engineOf(trx) === 'sqlite') {
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    await fn();
    return;
  }
  const { rows: keys } = await sql<{ table: string; name: string; definition: string }>`
    select c.conrelid::regclass::text as "table", c.conname as name, pg_get_constraintdef(c.oid) as definition
    from pg_constraint c where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
    order by 1, 2`.execute(trx);
  for (const k of keys) await sql`alter table ${sql.raw(k.table)} drop constraint ${sql.ref(k.name)}`.execute(trx);
  await fn();
  for (const k of keys)
    await sql`alter table ${sql.raw(k.table)} add constraint ${sql.ref(k.name)} ${sql.raw(k.definition)}`.execute(trx);
}

/**
 * After rows were inserted with their ids: PostgreSQL's identity columns start again past the highest id
 * (SQLite's AUTOINCREMENT keeps up by itself).
 */
export async function afterBulkLoad(trx: AnyDb, tables: { name: string; columns: string[] }[]): Promise<void> {
  if (engineOf(trx) === 'sqlite') return;
  for (const t of tables) {
    if (!t.columns.includes('id')) continue;
    const { rows } = await sql<{ sequence: string | null }>`
      select pg_get_serial_sequence(${t.name}, 'id') as sequence`.execute(trx);
    const sequence = rows[0]?.sequence;
    if (!sequence) continue;
    await sql`select setval(${sequence}::regclass, coalesce((select max(id) from ${sql.table(t.name)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}
