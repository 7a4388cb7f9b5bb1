import type { LedgerDb } from '../ledger/open-database';

export type MonthCloseState = 'open' | 'closing' | 'closed';

/** Whether a billing month is open, being closed (a close started and not finished) or closed (final). */
export async function monthCloseState(db: LedgerDb, month: string): Promise<MonthCloseState> {
  const row = await db.selectFrom('month_closes').select('closed_at').where('month', '=', month).executeTakeFirst();
  if (!row) return 'open';
  return row.closed_at === null ? 'closing' : 'closed';
}
