import type { LedgerDb } from './open-database';

/**
 * The next value of a gapless counter. Call it inside the transaction that uses the number: if that
 * transaction rolls back, so does the counter, and no number is ever skipped or used twice.
 */
export async function nextCounterValue(db: LedgerDb, name: string): Promise<number> {
  const row = await db.selectFrom('counters').select('last_value').where('name', '=', name).executeTakeFirst();
  const next = (row?.last_value ?? 0) + 1;
  if (row) await db.updateTable('counters').set({ last_value: next }).where('name', '=', name).execute();
  else await db.insertInto('counters').values({ name, last_value: next }).execute();
  return next;
}

const DOCUMENT_PREFIX = {
  estimate: 'EST',
  statement: 'BIL',
  prepaid_notice: 'PRE',
  invoice: 'INV',
  credit_note: 'CRN',
} as const;

/** A document number such as EST-2026-000123: gapless per kind and (JST) year. */
export async function nextDocumentNumber(
  db: LedgerDb,
  kind: keyof typeof DOCUMENT_PREFIX,
  year: number,
): Promise<string> {
  const prefix = `${DOCUMENT_PREFIX[kind]}-${year}`;
  const n = await nextCounterValue(db, `document:${prefix}`);
  return `${prefix}-${String(n).padStart(6, '0')}`;
}

/**
 * Takes `size` values of a counter at once (in the caller's transaction) and returns the first: the block
 * first..first+size-1 is then nobody else's (a team desktop's lease of estimate numbers, core/sync/leases.ts).
 */
export async function reserveCounterBlock(db: LedgerDb, name: string, size: number): Promise<number> {
  const row = await db.selectFrom('counters').select('last_value').where('name', '=', name).executeTakeFirst();
  const first = (row?.last_value ?? 0) + 1;
  const last = first + size - 1;
  if (row) await db.updateTable('counters').set({ last_value: last }).where('name', '=', name).execute();
  else await db.insertInto('counters').values({ name, last_value: last }).execute();
  return first;
}

/** The counter name and number format of a kind of document in a (JST) year: `document:EST-2026`, EST-2026-000123. */
export function documentNumbering(kind: keyof typeof DOCUMENT_PREFIX, year: number) {
  const prefix = `${DOCUMENT_PREFIX[kind]}-${year}`;
  return {
    prefix,
    counter: `document:${prefix}`,
    format: (n: number) => `${prefix}-${String(n).padStart(6, '0')}`,
  };
}
