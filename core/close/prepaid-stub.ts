import type { Dec } from '../money';
import { Dec as Decimal } from '../money';
import type { LedgerDb } from '../ledger/open-database';

/**
 * STUB until core/prepaid/consume.ts (issue 4) lands: same signature as its consumePrepaidForBill, applying
 * nothing. Delete this file and import the real one in close-month.ts when it arrives.
 */
export async function consumePrepaidForBill(
  _db: LedgerDb,
  _input: { cloudAccountId: number; month: string; totalYen: Dec; at: string },
): Promise<{ applied: Dec; consumptions: unknown[] }> {
  return { applied: new Decimal(0), consumptions: [] };
}
