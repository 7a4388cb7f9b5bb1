import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';

/**
 * What has settled each bill: its payments and its credit notes, summed by bill id (a bill with neither is
 * absent). The one reading of "what is still owed" for the lists and the aged receivables.
 */
export async function settledByBill(db: LedgerDb, billIds?: readonly number[]): Promise<Map<number, Dec>> {
  const settled = new Map<number, Dec>();
  if (billIds && billIds.length === 0) return settled;
  const add = (id: number | null, v: number) => {
    if (id !== null) settled.set(id, (settled.get(id) ?? new Dec(0)).plus(yenFromDb(v)));
  };
  let payments = db.selectFrom('payments').select(['bill_id', 'amount']).where('bill_id', 'is not', null);
  let credits = db.selectFrom('credit_notes').select(['bill_id', 'total']);
  // A month's list names a few hundred bills: within SQLite's bound values; more reads everything.
  if (billIds && billIds.length <= 900) {
    payments = payments.where('bill_id', 'in', billIds);
    credits = credits.where('bill_id', 'in', billIds);
  }
  for (const p of await payments.execute()) add(p.bill_id, p.amount);
  for (const c of await credits.execute()) add(c.bill_id, c.total);
  return settled;
}

export type BillPaidState = 'nothing_due' | 'unpaid' | 'part_paid' | 'paid';

/** A bill's paid state from what it asked for (after prepaid) and what has settled it. */
export function paidState(amountDue: Dec, settled: Dec): BillPaidState {
  if (amountDue.lte(0)) return 'nothing_due';
  if (settled.gte(amountDue)) return 'paid';
  return settled.gt(0) ? 'part_paid' : 'unpaid';
}
