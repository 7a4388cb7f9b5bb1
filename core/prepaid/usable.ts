import type { LedgerDb } from '../ledger/open-database';
import type { BillingMonth } from '../time';

/**
 * The prepaid IDs of an account that can pay month M's bill, first to expire first (R-PRE-7, R-PRE-8):
 * registered before M ends, still registered (not void or forfeited), not expired before M starts, with a
 * balance left. Times are compared as UTC ISO strings, which every writer stores via toISOString().
 */
export function usableForMonth(db: LedgerDb, cloudAccountId: number, month: BillingMonth) {
  return db
    .selectFrom('prepaid_ids')
    .select(['id', 'balance', 'expires_at', 'registered_at'])
    .where('cloud_account_id', '=', cloudAccountId)
    .where('status', '=', 'registered')
    .where('balance', '>', 0)
    .where('registered_at', '<', new Date(month.end).toISOString())
    .where('expires_at', '>', new Date(month.start).toISOString())
    .orderBy('expires_at')
    .orderBy('id');
}
