import type { LedgerDb } from '../ledger/open-database';
import { formatDate, jstMidnight, type CalendarDate } from '../time';
import { transact } from '../ledger/transaction';
import { advanceAccount, type AppliedTransition } from '../dunning/advance-store';
import { runPrepaidDailyUpdate } from './prepaid-daily-hook';
import type { DailyUpdateResult } from '../prepaid/daily-update';

export interface DailyResult {
  date: string;
  accounts: number;
  transitions: AppliedTransition[];
  commands: number;
  /** What the prepaid daily update did (core/prepaid). */
  prepaid: DailyUpdateResult;
  message: string;
}

/**
 * Accounting's daily job for a JST date: every account with an owed bill, or not active, is brought to 00:00
 * JST of that date by the status machine (R-DUN-1..7) and what it decides is written. Idempotent (the same
 * date twice changes nothing) and a range of past days in one run gives what day by day gives (advance's
 * properties; the progress per account is stored). Accounts are committed one by one outside the catalog.
 */
export async function runDaily(db: LedgerDb, date: CalendarDate, now: Date, by: string | null): Promise<DailyResult> {
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
  const outboxBefore = await countOutbox(db);
  const transitions: AppliedTransition[] = [];
  for (const id of ids) transitions.push(...(await transact(db, (trx) => advanceAccount(trx, id, until, at))));
  const prepaid = await transact(db, (trx) => runPrepaidDailyUpdate(trx, date, now, by));
  const commands = (await countOutbox(db)) - outboxBefore;
  return {
    date: formatDate(date),
    accounts: ids.length,
    transitions,
    commands,
    prepaid,
    message:
      transitions.length === 0
        ? `${formatDate(date)}: no status changed`
        : `${formatDate(date)}: ${transitions.length} status change(s), ${commands} platform command(s)`,
  };
}

async function countOutbox(db: LedgerDb): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('channel', '=', 'platform')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
