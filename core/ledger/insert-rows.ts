import { CompiledQuery, type Insertable } from 'kysely';
import { engineOf } from './dialect';
import type { LedgerDb } from './open-database';
import type { Database } from './schema';
import { giveWay } from './give-way';

/** SQLite binds at most 32,766 values per statement (PostgreSQL 65,535): every chunk stays under the smaller. */
const MAX_VALUES = 32_766;
/** Past this many rows a statement gains nothing and its SQL text only grows. */
const MAX_ROWS = 2_000;

type Table = keyof Database & string;

export interface InsertOptions {
  /** The new rows' ids, in the order of the rows. */
  returning?: boolean;
  /** An ON CONFLICT clause both engines read alike, e.g. `on conflict ("key") do nothing`. */
  onConflict?: string;
}

/**
 * Inserts many rows of one table, in the given order, as multi-row INSERT statements compiled here once per chunk
 * size rather than by Kysely's query builder: a bank import inserts hundreds of thousands of rows, and building
 * and compiling them as objects cost more than SQLite storing them. Equal chunks give equal SQL texts, so SQLite
 * prepares each once (statement-cache.ts). With `returning`, the new ids in the order of the rows: both
 * engines give the rows of one INSERT … VALUES ascending ids in the order listed (AUTOINCREMENT, an identity
 * sequence), and the ids come back sorted, so they need no column to be matched by.
 */
export async function insertRows<T extends Table, C extends keyof Insertable<Database[T]> & string>(
  db: LedgerDb,
  table: T,
  columns: readonly C[],
  rows: ReadonlyArray<Pick<Insertable<Database[T]>, C>>,
  options: InsertOptions = {},
): Promise<number[]> {
  const returning = options.returning ?? false;
  if (rows.length === 0) return [];
  const postgres = engineOf(db) === 'postgres';
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_VALUES / columns.length)));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  // D-LEDGER-4: on SQLite, without ON CONFLICT, the new ids are the count before the last inserted rowid.
  const idsFromRowid = returning && !postgres && options.onConflict === undefined;
  const tail =
    (options.onConflict ? ` ${options.onConflict}` : '') + (returning && !idsFromRowid ? ' returning "id"' : '');
  const ids: number[] = [];
  for (let start = 0, count = 0; start < rows.length; start += count) {
    count = statementRows(rows.length - start, perStatement);
    const text = statementText(head, tail, count, columns.length, postgres);
    const parameters: unknown[] = new Array(count * columns.length);
    let p = 0;
    for (let i = start; i < start + count; i++) {
      const row = rows[i] as Record<string, unknown>;
      for (const column of columns) parameters[p++] = row[column] ?? null;
    }
    const result = await db.executeQuery<{ id: number }>(CompiledQuery.raw(text, parameters));
    if (idsFromRowid) {
      if (result.numAffectedRows !== BigInt(count) || result.insertId === undefined)
        throw new Error(`insert into ${table}: ${String(result.numAffectedRows)} rows for ${count}`);
      const last = Number(result.insertId);
      for (let id = last - count + 1; id <= last; id++) ids.push(id);
    } else if (returning) {
      const part = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      if (part.length !== count) throw new Error(`insert into ${table}: ${part.length} ids for ${count} rows`);
      for (const id of part) ids.push(id);
    }
    await giveWay();
  }
  return ids;
}

/** Rows up to which a statement of the exact count is made: a short SQL text is quickly prepared. */
const EXACT_UP_TO = 64;

/**
 * How many of `left` rows the next statement inserts: a full statement, or a power of two, or at most
 * EXACT_UP_TO rows as they are. So the statements of any number of rows come from a few SQL texts, each prepared
 * once (statement-cache.ts): preparing a long INSERT of an odd count for each batch of a bank import's
 * settlements cost more than running it.
 */
export function statementRows(left: number, perStatement: number): number {
  if (left >= perStatement) return perStatement;
  if (left <= EXACT_UP_TO) return left;
  return 2 ** Math.floor(Math.log2(left));
}

/** SQL texts made, by head, count and tail: the same few are asked for again and again. */
const texts = new Map<string, string>();
const TEXTS_KEPT = 200;

function statementText(head: string, tail: string, rows: number, columns: number, postgres: boolean): string {
  const key = `${rows}|${head}|${tail}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = head + placeholders(rows, columns, postgres) + tail;
    if (texts.size >= TEXTS_KEPT) texts.delete(texts.keys().next().value!);
    texts.set(key, text);
  }
  return text;
}

function placeholders(rows: number, columns: number, postgres: boolean): string {
  const tuples: string[] = new Array(rows);
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const marks: string[] = new Array(columns);
    for (let c = 0; c < columns; c++) marks[c] = postgres ? `$${++n}` : '?';
    tuples[r] = `(${marks.join(', ')})`;
  }
  return tuples.join(', ');
}
