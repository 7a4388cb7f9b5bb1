import type { LedgerDb } from '../ledger/open-database';

/**
 * D-SYNC-2: a member is closed when it has cloud accounts and every one of them is terminated (the ledger has no
 * closing of a member itself): no new estimate is drafted or issued for it, offline or not replayed.
 */
export async function memberIsClosed(db: LedgerDb, memberId: number): Promise<boolean> {
  const accounts = await db.selectFrom('cloud_accounts').select('status').where('member_id', '=', memberId).execute();
  return accounts.length > 0 && accounts.every((a) => a.status === 'terminated');
}
