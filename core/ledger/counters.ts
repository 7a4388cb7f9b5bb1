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
