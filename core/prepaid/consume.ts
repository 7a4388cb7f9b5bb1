import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { parseInstant, parseMonth } from '../time';
import { forfeitPrepaidId } from './forfeit';
import { usableForMonth } from './usable';

export interface PrepaidConsumption {
  prepaidId: number;
  amount: Dec;
}

export interface PrepaidOffset {
  /** What the prepaid balances paid of the bill by this call (0 when the month was already offset). */
  applied: Dec;
  consumptions: PrepaidConsumption[];
  /** True when the month had already been offset: nothing was applied again (R-PRE-10). */
  repeated: boolean;
}

/**
 * Offsets one month's tax-included bill of a cloud account by its prepaid balances (R-PRE-7, R-PRE-8, R-PRE-9),
 * inside the caller's transaction (the month close). It lowers the balances and records the consumptions, but
 * posts nothing: the month close posts the bill as one transaction (prepaid_liability for `applied`,
 * receivables for the rest; revenue and tax_payable on the other side).
 *
 * Which IDs count for month M (decision, R-PRE-7/R-PRE-10): registered on this account before M ends (so an ID
 * registered at any time during M covers the whole of M), not void, and not expired before M starts; one that
 * expires during M pays at most the bill of the usage up to its expiry instant (R-PRE-14), the rest forfeited. The first to expire is consumed first, ties by issue order (R-PRE-8).
 * Once per (account, month): the offset row written here makes a second call apply nothing (R-PRE-10).
 */
export async function consumePrepaidForBill(
  db: LedgerDb,
  args: {
    cloudAccountId: number;
    month: string;
    totalYen: Dec;
    at: string;
    /** R-PRE-14: the account's month-to-date bill (tax included) at an instant of the month (an ID's expiry). */
    billUntil: (instant: string) => Promise<Dec>;
    by?: string | null;
  },
): Promise<PrepaidOffset> {
  const month = parseMonth(args.month, 'month');
  if (!args.totalYen.isInteger() || args.totalYen.isNegative())
    throw InputError.one('totalYen', 'amount.not_yen', 'must be a whole, non-negative number of yen');
  if (parseInstant(args.at) === null)
    throw InputError.one('at', 'instant.invalid', 'not an ISO 8601 time with an offset');
  const at = new Date(parseInstant(args.at)!).toISOString();

  const done = await db
    .selectFrom('prepaid_month_offsets')
    .select('applied')
    .where('cloud_account_id', '=', args.cloudAccountId)
    .where('month', '=', month.key)
    .executeTakeFirst();
  if (done) return { applied: new Dec(0), consumptions: [], repeated: true };

  const candidates = await usableForMonth(db, args.cloudAccountId, month).execute();
  const monthEnd = new Date(month.end).toISOString();
  let left = args.totalYen;
  const consumptions: PrepaidConsumption[] = [];
  const expiring: ((typeof candidates)[number] & { left: Dec })[] = [];
  for (const row of candidates) {
    const balance = yenFromDb(row.balance);
    const expiresInMonth = row.expires_at !== null && row.expires_at < monthEnd;
    // R-PRE-14: an ID expiring during M pays only the bill of the usage up to its expiry instant, less what the
    // IDs before it (R-PRE-8) paid of it.
    const cap = expiresInMonth
      ? Dec.max((await args.billUntil(row.expires_at!)).minus(args.totalYen.minus(left)), 0)
      : balance;
    const amount = Dec.min(balance, left, cap);
    if (expiresInMonth) expiring.push({ ...row, left: balance.minus(amount) });
    if (amount.isZero()) continue;
    left = left.minus(amount);
    consumptions.push({ prepaidId: row.id, amount });
    await db
      .updateTable('prepaid_ids')
      .set({ balance: yenToDb(balance.minus(amount)) })
      .where('id', '=', row.id)
      .execute();
    await db
      .insertInto('prepaid_consumptions')
      .values({
        prepaid_id: row.id,
        cloud_account_id: args.cloudAccountId,
        month: month.key,
        amount: yenToDb(amount),
        created_at: at,
      })
      .execute();
  }
  const applied = args.totalYen.minus(left);
  // R-PRE-14: what an ID that expired during M did not pay of M is forfeited (if no daily run has yet).
  for (const row of expiring)
    if (row.left.greaterThan(0))
      await forfeitPrepaidId(db, { ...row, balance: yenToDb(row.left) }, 'expired', at, args.by ?? null);
  await db
    .insertInto('prepaid_month_offsets')
    .values({
      cloud_account_id: args.cloudAccountId,
      month: month.key,
      bill_total: yenToDb(args.totalYen),
      applied: yenToDb(applied),
      created_at: at,
    })
    .execute();
  return { applied, consumptions, repeated: false };
}
