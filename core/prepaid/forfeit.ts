import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';
import { addMonths, billingMonth, jstDate } from '../time';

export type ForfeitReason = 'expired' | 'registration_period_ended' | 'account_deleted';

/**
 * Closes a prepaid ID and forfeits what is left of it (R-PRE-5, R-PRE-6, R-PRE-11): status expired (at its
 * expiry) or void (never registered in time, or its account deleted), balance 0, the amount recorded as
 * forfeited and posted prepaid_liability / forfeited_balances in the caller's transaction.
 */
export async function forfeitPrepaidId(
  db: LedgerDb,
  row: { id: number; balance: number; member_id: number; cloud_account_id: number | null; code_hint: string | null },
  reason: ForfeitReason,
  at: string,
  by: string | null,
): Promise<Dec> {
  const left = yenFromDb(row.balance);
  if (left.greaterThan(0)) {
    await postTransaction(db, {
      kind: 'forfeit',
      memo: `prepaid ID …${row.code_hint ?? ''} ${reason.replaceAll('_', ' ')}: balance forfeited`,
      postedAt: at,
      postedBy: by,
      reference: `prepaid_id:${row.id}`,
      lines: [
        {
          account: 'prepaid_liability',
          side: 'debit',
          amount: left,
          memberId: row.member_id,
          cloudAccountId: row.cloud_account_id,
        },
        {
          account: 'forfeited_balances',
          side: 'credit',
          amount: left,
          memberId: row.member_id,
          cloudAccountId: row.cloud_account_id,
        },
      ],
    });
  }
  await db
    .updateTable('prepaid_ids')
    .set({ status: reason === 'expired' ? 'expired' : 'void', balance: 0, forfeited: row.balance, closed_at: at })
    .where('id', '=', row.id)
    .execute();
  return left;
}

const FORFEIT_COLUMNS = ['id', 'balance', 'member_id', 'cloud_account_id', 'code_hint'] as const;

/**
 * The forfeits due at `at` (run by the daily update):
 * - R-PRE-5: issued IDs not registered by their deadline are void, their whole amount forfeited;
 * - R-PRE-11: registered IDs on deleted accounts;
 * - R-PRE-6: expired IDs, once their expiry month's bill has been offset (an ID still pays the month it
 *   expires in, R-PRE-7 decision), or at the latest when the month after the expiry month is over.
 */
export async function forfeitDue(db: LedgerDb, at: string, by: string | null): Promise<{ count: number; total: Dec }> {
  let count = 0;
  let total = new Dec(0);
  const add = async (row: Parameters<typeof forfeitPrepaidId>[1], reason: ForfeitReason) => {
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
    .where('prepaid_ids.status', '=', 'registered')
    .where('cloud_accounts.closed_at', 'is not', null)
    .execute();
  for (const row of deleted) await add(row, 'account_deleted');
  const expired = await db
    .selectFrom('prepaid_ids')
    .select([...FORFEIT_COLUMNS, 'expires_at'])
    .where('status', '=', 'registered')
    .where('expires_at', '<=', at)
    .execute();
  for (const row of expired) {
    const day = jstDate(Date.parse(row.expires_at!));
    const month = billingMonth(day.year, day.month);
    const fallback = new Date(addMonths(month, 2).start).toISOString();
    const offset = await db
      .selectFrom('prepaid_month_offsets')
      .select('month')
      .where('cloud_account_id', '=', row.cloud_account_id!)
      .where('month', '=', month.key)
      .executeTakeFirst();
    if (offset || at >= fallback) await add(row, 'expired');
  }
  return { count, total };
}
