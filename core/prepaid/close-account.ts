import type { LedgerDb } from '../ledger/open-database';
import { Dec } from '../money';
import { findCloudAccount } from '../parties';
import { billingMonth, jstDate } from '../time';
import { forfeitPrepaidId } from './forfeit';

export interface ClosedAccount {
  code: string;
  closedAt: string;
  /** The account was closed before: nothing changed. */
  alreadyClosed: boolean;
  voided: { count: number; total: string };
  /** The month whose close makes the account's final bill (its usage so far). */
  finalBillMonth: string;
  /** The platform command queued (the outbox topic). */
  command: 'close_account';
}

/**
 * R-PRE-11: accounting closes (deletes) a cloud account. In one transaction: the account is marked closed, the
 * remaining balance of every prepaid ID on it is voided, whatever its expiry, and posted as forfeited
 * (prepaid_liability / forfeited_balances); a `close_account` command is queued for the platform (once). The
 * month's usage so far is billed by that month's close like any other (D-PRE-K). Idempotent.
 */
export async function closeCloudAccount(
  db: LedgerDb,
  input: { code: string; reason: string },
  a: { now: Date; by: string | null },
): Promise<ClosedAccount> {
  const account = await findCloudAccount(db, input.code);
  const at = a.now.toISOString();
  const day = jstDate(a.now.getTime());
  const base = { code: account.code, command: 'close_account' as const };
  if (account.closed_at !== null) {
    const closedDay = jstDate(Date.parse(account.closed_at));
    return {
      ...base,
      closedAt: account.closed_at,
      alreadyClosed: true,
      voided: { count: 0, total: '0' },
      finalBillMonth: billingMonth(closedDay.year, closedDay.month).key,
    };
  }
  await db.updateTable('cloud_accounts').set({ closed_at: at }).where('id', '=', account.id).execute();
  const ids = await db
    .selectFrom('prepaid_ids')
    .select(['id', 'balance', 'member_id', 'cloud_account_id', 'code_hint', 'forfeited'])
    .where('cloud_account_id', '=', account.id)
    .where('status', 'in', ['registered', 'expired'])
    .where((eb) => eb.or([eb('status', '=', 'registered'), eb('balance', '>', 0)]))
    .orderBy('id')
    .execute();
  let total = new Dec(0);
  for (const row of ids) total = total.plus(await forfeitPrepaidId(db, row, 'account_deleted', at, a.by));
  await db
    .insertInto('outbox')
    .values({
      created_at: at,
      channel: 'platform',
      topic: 'close_account',
      payload: JSON.stringify({
        account: account.code,
        command: 'close_account',
        at,
        rule: 'R-PRE-11',
        reason: input.reason,
      }),
      cloud_account_id: account.id,
      status: 'pending',
      dedupe_key: `${account.code}/close_account`,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
  await db
    .insertInto('account_status_history')
    .values({
      cloud_account_id: account.id,
      // No from_status: a note in the history, not a status change the dunning machine replays.
      from_status: null,
      to_status: account.status,
      cause: `R-PRE-11 account closed: ${input.reason}`,
      at,
    })
    .execute();
  return {
    ...base,
    closedAt: at,
    alreadyClosed: false,
    voided: { count: ids.length, total: total.toFixed() },
    finalBillMonth: billingMonth(day.year, day.month).key,
  };
}
