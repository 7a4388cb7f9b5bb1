import type { LedgerDb } from '../ledger/open-database';
import { dailyUpdate, type DailyUpdateResult } from '../prepaid/daily-update';
import { formatDate, type CalendarDate } from '../time';

/** The prepaid daily update (R-PRE-12, R-PRE-13, forfeits) run by the daily job, for the same date. */
export async function runPrepaidDailyUpdate(
  db: LedgerDb,
  date: CalendarDate,
  now: Date,
  by: string | null,
): Promise<DailyUpdateResult> {
  return dailyUpdate(db, { date: formatDate(date) }, now, by);
}
