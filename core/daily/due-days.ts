import type { LedgerDb } from '../ledger/open-database';
import { addDays, compareDates, formatDate, jstToday, parseDate } from '../time';

export interface DueDays {
  /** The latest day the job has run for, if any. */
  lastRun: string | null;
  today: string;
  /** The days still to run, oldest first: each day after the last run up to today; today alone if it never ran. */
  due: string[];
}

/** R-DUN-8: the days the job has missed, to be run one at a time when the app starts and at 00:00 JST. */
export async function dueDailyDays(db: LedgerDb, now: Date): Promise<DueDays> {
  const today = jstToday(now);
  const row = await db
    .selectFrom('daily_runs')
    .select((eb) => eb.fn.max('run_date').as('last'))
    .executeTakeFirst();
  const lastRun = row?.last ?? null;
  const last = lastRun === null ? null : parseDate(lastRun);
  const due: string[] = [];
  if (last === null) due.push(formatDate(today));
  else for (let d = addDays(last, 1); compareDates(d, today) <= 0; d = addDays(d, 1)) due.push(formatDate(d));
  return { lastRun, today: formatDate(today), due };
}
