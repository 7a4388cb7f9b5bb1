import type { LedgerDb } from '../ledger/open-database';
import type { CalendarDate } from '../time';

/**
 * HOOK for the prepaid daily update (R-PRE-12, R-PRE-13: balances from month-to-date usage, expiry, alerts).
 * core/prepaid (issue 4) exports no daily function yet; when it does, call it here. Until then: nothing.
 */
export async function runPrepaidDailyUpdate(_db: LedgerDb, _date: CalendarDate, _at: string): Promise<{ ran: boolean }> {
  return { ran: false };
}
