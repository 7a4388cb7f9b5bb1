import type { LedgerDb } from '../ledger/open-database';
import type { BillingMonth } from '../time';

/**
 * The prepaid IDs of an account that can pay month M's bill, first to expire first (R-PRE-7, R-PRE-8):
 * registered before M ends, still registered or expired during M with the part kept for M's bill (R-PRE-14),
 * not expired before M starts, with a balance left. Times are compared as UTC ISO strings, which every writer stores via toISOString().
 */
export function usableForMonth(db: LedgerDb, cloudAccountId: number, month: BillingMonth) {
  return db
    .selectFrom('prepaid_ids')
    .select(['id', 'balance', 'expires_at', 'registered_at', 'member_id', 'cloud_account_id', 'code_hint', 'forfeited'])
    .where('cloud_account_id', '=', cloudAccountId)
    .where('status', 'in', ['registered', 'expired'])
    .where('balance', '>', 0)
    .where('registered_at', '<', new Date(month.end).toISOString())
    .where('expires_at', '>', new Date(month.start).toISOString())
    .orderBy('expires_at')
    .orderBy('id');
}
