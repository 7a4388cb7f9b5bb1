import type { LedgerDb } from '../ledger/open-database';
import { compareDates, formatDate, jstMidnight, jstToday, type CalendarDate } from '../time';
import { InputError } from '../errors';
import { transact } from '../ledger/transaction';
import { advanceAccount, type AppliedTransition } from '../dunning/advance-store';
import { runPrepaidDailyUpdate } from './prepaid-daily-hook';
import type { DailyUpdateResult } from '../prepaid/daily-update';
import { countDailyChanges, type DailyChanges } from './daily-changes';

export interface DailyResult {
  date: string;
  accounts: number;
  transitions: AppliedTransition[];
  commands: number;
  /** What the prepaid daily update did (core/prepaid). */
  prepaid: DailyUpdateResult;
  /** What the run changed, per kind (R-DUN-8): also its audit entry's detail. */
  changes: DailyChanges;
  message: string;
}

/** R-DUN-8: the job runs for today (JST) or an earlier day, never a later one. */
export function refuseDayAfterToday(date: CalendarDate, now: Date): void {
  const today = jstToday(now);
  if (compareDates(date, today) > 0)
    throw InputError.one(
      'date',
      'daily.after_today',
      `the daily job runs for today (${formatDate(today)}) or an earlier day, not ${formatDate(date)}`,
      { date: formatDate(date), today: formatDate(today) },
    );
}

/**
 * Accounting's daily job for a JST date: every account with an owed bill, or not active, is brought to 00:00
 * JST of that date by the status machine (R-DUN-1..7) and what it decides is written. Idempotent (the same
 * date twice changes nothing) and a range of past days in one run gives what day by day gives (advance's
 * properties; the progress per account is stored). Refused for a day after today (R-DUN-8); each run is
 * recorded in daily_runs with what it changed.
 */
export async function runDaily(
  db: LedgerDb,
  date: CalendarDate,
  now: Date,
  by: string | null,
  channel = 'app',
): Promise<DailyResult> {
  refuseDayAfterToday(date, now);
  const until = jstMidnight(date);
  const at = now.toISOString();
  const owing = await db
    .selectFrom('bills')
    .select('cloud_account_id')
    .distinct()
    .where('status', '=', 'final')
    .where('amount_due', '>', 0)
    .execute();
  const notActive = await db
    .selectFrom('cloud_accounts')
    .select('id')
    .where('status', 'in', ['restricted', 'suspended'])
    .execute();
  const ids = [...new Set([...owing.map((r) => r.cloud_account_id), ...notActive.map((r) => r.id)])].sort(
    (a, b) => a - b,
  );
  const lastOutboxId = await lastPlatformCommand(db);
  const transitions: AppliedTransition[] = [];
  for (const id of ids) transitions.push(...(await transact(db, (trx) => advanceAccount(trx, id, until, at))));
  const prepaid = await transact(db, (trx) => runPrepaidDailyUpdate(trx, date, now, by));
  const written = await db
    .selectFrom('outbox')
    .select(['topic', 'status'])
    .where('channel', '=', 'platform')
    .where('id', '>', lastOutboxId)
    .execute();
  const day = formatDate(date);
  const changes = countDailyChanges(day, transitions, written, prepaid);
  await db
    .insertInto('daily_runs')
    .values({ run_date: day, ran_at: at, ran_by: by, channel, summary: JSON.stringify(changes) })
    .execute();
  return {
    date: day,
    accounts: ids.length,
    transitions,
    commands: written.length,
    prepaid,
    changes,
    message:
      transitions.length === 0
        ? `${day}: no status changed`
        : `${day}: ${transitions.length} status change(s), ${written.length} platform command(s)`,
  };
}

async function lastPlatformCommand(db: LedgerDb): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}
