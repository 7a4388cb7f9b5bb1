import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { billingMonth, jstDate, type BillingMonth } from '../time';
import { usableForMonth } from './usable';

export type ForfeitReason = 'expired' | 'registration_period_ended' | 'account_deleted';

/**
 * Closes a prepaid ID and forfeits what is left of it (R-PRE-5, R-PRE-6, R-PRE-11): status expired (at its
 * expiry) or void (never registered in time, or its account deleted), balance 0, the amount recorded as
 * forfeited and posted prepaid_liability / forfeited_balances in the caller's transaction.
 */
export async function forfeitPrepaidId(
  db: LedgerDb,
  row: ForfeitRow,
  reason: ForfeitReason,
  at: string,
  by: string | null,
): Promise<Dec> {
  const left = yenFromDb(row.balance);
  await postForfeit(db, row, left, reason, at, by);
  await db
    .updateTable('prepaid_ids')
    .set({
      status: reason === 'expired' ? 'expired' : 'void',
      balance: 0,
      forfeited: (row.forfeited ?? 0) + row.balance,
      closed_at: at,
    })
    .where('id', '=', row.id)
    .execute();
  return left;
}

interface ForfeitRow {
  id: number;
  balance: number;
  member_id: number;
  cloud_account_id: number | null;
  code_hint: string | null;
  /** What was forfeited of it before (R-PRE-14: the part past its expiry instant), added to. */
  forfeited?: number;
}

async function postForfeit(
  db: LedgerDb,
  row: ForfeitRow,
  amount: Dec,
  reason: ForfeitReason,
  at: string,
  by: string | null,
): Promise<void> {
  if (!amount.greaterThan(0)) return;
  const who = { memberId: row.member_id, cloudAccountId: row.cloud_account_id };
  await postTransaction(db, {
    kind: 'forfeit',
    memo: `prepaid ID …${row.code_hint ?? ''} ${reason.replaceAll('_', ' ')}: balance forfeited`,
    postedAt: at,
    postedBy: by,
    reference: `prepaid_id:${row.id}`,
    lines: [
      { account: 'prepaid_liability', side: 'debit', amount, ...who },
      { account: 'forfeited_balances', side: 'credit', amount, ...who },
    ],
  });
}

/** R-PRE-14: the month-to-date bill of an account at an instant of a month; null when no usage of it is known. */
export type BillUntil = (
  account: { id: number; code: string },
  month: BillingMonth,
  instant: string,
) => Promise<Dec | null>;

/**
 * R-PRE-14: what an ID that expired at `expiresAt` may still pay of its expiry month: the month-to-date bill at
 * that instant less what the IDs consumed before it (R-PRE-8) hold; nothing once the month's bill is offset or
 * the month closed; all of it while no usage of the month is known (the month close then decides).
 */
async function keptForExpiryMonth(
  db: LedgerDb,
  row: ForfeitRow & { expires_at: string; code: string },
  billUntil: BillUntil,
): Promise<Dec> {
  const balance = yenFromDb(row.balance);
  const month = monthOf(row.expires_at);
  if (await monthBilled(db, row.cloud_account_id!, month.key)) return new Dec(0);
  const bill = await billUntil({ id: row.cloud_account_id!, code: row.code }, month, row.expires_at);
  if (bill === null) return balance;
  const before = await usableForMonth(db, row.cloud_account_id!, month)
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', row.expires_at),
        eb.and([eb('expires_at', '=', row.expires_at), eb('id', '<', row.id)]),
      ]),
    )
    .execute();
  const held = before.reduce((sum, r) => sum.plus(yenFromDb(r.balance)), new Dec(0));
  return Dec.min(balance, Dec.max(bill.minus(held), 0));
}

function monthOf(instant: string): BillingMonth {
  const day = jstDate(Date.parse(instant));
  return billingMonth(day.year, day.month);
}

async function monthBilled(db: LedgerDb, cloudAccountId: number, month: string): Promise<boolean> {
  const offset = await db
    .selectFrom('prepaid_month_offsets')
    .select('month')
    .where('cloud_account_id', '=', cloudAccountId)
    .where('month', '=', month)
    .executeTakeFirst();
  if (offset) return true;
  const closed = await db
    .selectFrom('month_closes')
    .select('month')
    .where('month', '=', month)
    .where('closed_at', 'is not', null)
    .executeTakeFirst();
  return closed !== undefined;
}

const FORFEIT_COLUMNS = ['id', 'balance', 'member_id', 'cloud_account_id', 'code_hint', 'forfeited'] as const;

/**
 * The forfeits due at `at` (run by the daily update):
 * - R-PRE-5: issued IDs not registered by their deadline are void, their whole amount forfeited;
 * - R-PRE-11: registered IDs on deleted accounts (a safety net: closing an account voids them at once);
 * - R-PRE-6, R-PRE-14: registered IDs past their expiry instant become expired: they keep what they may still pay
 *   of their expiry month (the month-to-date bill at the instant) and the rest is forfeited now; an expired ID
 *   still keeping something once that month is billed or closed forfeits it.
 */
export async function forfeitDue(
  db: LedgerDb,
  at: string,
  by: string | null,
  billUntil: BillUntil,
): Promise<{ count: number; total: Dec }> {
  let count = 0;
  let total = new Dec(0);
  const add = async (row: ForfeitRow, reason: ForfeitReason) => {
    count += 1;
    total = total.plus(await forfeitPrepaidId(db, row, reason, at, by));
  };
  const unregistered = await db
    .selectFrom('prepaid_ids')
    .select(FORFEIT_COLUMNS)
    .where('status', '=', 'issued')
    .where('registration_deadline', '<', at)
    .execute();
  for (const row of unregistered) await add(row, 'registration_period_ended');
  const deleted = await db
    .selectFrom('prepaid_ids')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_ids.cloud_account_id')
    .select(FORFEIT_COLUMNS.map((c) => `prepaid_ids.${c}` as const))
    .where('prepaid_ids.status', 'in', ['registered', 'expired'])
    .where('prepaid_ids.balance', '>', 0)
    .where('cloud_accounts.closed_at', 'is not', null)
    .execute();
  for (const row of deleted) await add(row, 'account_deleted');
  const expiring = await db
    .selectFrom('prepaid_ids')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_ids.cloud_account_id')
    .select([
      ...FORFEIT_COLUMNS.map((c) => `prepaid_ids.${c}` as const),
      'prepaid_ids.expires_at',
      'cloud_accounts.code',
    ])
    .where('prepaid_ids.status', '=', 'registered')
    .where('prepaid_ids.expires_at', '<=', at)
    .orderBy('prepaid_ids.expires_at')
    .orderBy('prepaid_ids.id')
    .execute();
  for (const row of expiring) {
    const kept = await keptForExpiryMonth(db, { ...row, expires_at: row.expires_at! }, billUntil);
    const gone = yenFromDb(row.balance).minus(kept);
    await postForfeit(db, row, gone, 'expired', at, by);
    await db
      .updateTable('prepaid_ids')
      .set({ status: 'expired', balance: yenToDb(kept), forfeited: row.forfeited + yenToDb(gone), closed_at: at })
      .where('id', '=', row.id)
      .execute();
    if (gone.isZero()) continue;
    count += 1;
    total = total.plus(gone);
  }
  const kept = await db
    .selectFrom('prepaid_ids')
    .select([...FORFEIT_COLUMNS, 'expires_at'])
    .where('status', '=', 'expired')
    .where('balance', '>', 0)
    .execute();
  for (const row of kept)
    if (await monthBilled(db, row.cloud_account_id!, monthOf(row.expires_at!).key)) await add(row, 'expired');
  return { count, total };
}
