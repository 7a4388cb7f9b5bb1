import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';

/**
 * Whether a supervisor holds the account at Suspend (R-DUN-9): a hold made since the account last returned to
 * Active (D-DUN-3: a hold lasts for the episode of non-payment it was made in).
 */
export async function heldAtSuspend(db: LedgerDb, cloudAccountId: number): Promise<boolean> {
  return (await heldAtSuspendOf(db, [cloudAccountId])).has(cloudAccountId);
}

/** Of these accounts (at most a few hundred: one query's list), those a supervisor holds at Suspend. */
export async function heldAtSuspendOf(db: LedgerDb, cloudAccountIds: readonly number[]): Promise<Set<number>> {
  const held = new Set<number>();
  if (cloudAccountIds.length === 0) return held;
  const holds = await db
    .selectFrom('platform_command_decisions')
    .select((eb) => ['cloud_account_id', eb.fn.max('decided_at').as('at')])
    .where('cloud_account_id', 'in', cloudAccountIds)
    .where('decision', '=', 'held')
    .groupBy('cloud_account_id')
    .execute();
  if (holds.length === 0) return held;
  const lifts = await db
    .selectFrom('account_status_history')
    .select((eb) => ['cloud_account_id', eb.fn.max('at').as('at')])
    .where(
      'cloud_account_id',
      'in',
      holds.map((h) => h.cloud_account_id),
    )
    .where('to_status', '=', 'active')
    .where('from_status', 'is not', null)
    .groupBy('cloud_account_id')
    .execute();
  const lifted = new Map(lifts.map((l) => [l.cloud_account_id, l.at]));
  for (const hold of holds) {
    if (!hold.at) continue;
    const at = lifted.get(hold.cloud_account_id);
    if (!at || at < hold.at) held.add(hold.cloud_account_id);
  }
  return held;
}

export interface CommandDecision {
  outboxId: number;
  cloudAccountCode: string;
  decision: 'released' | 'held';
  status: string;
  message: string;
}

async function awaiting(db: LedgerDb, outboxId: number) {
  const row = await db
    .selectFrom('outbox')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'outbox.cloud_account_id')
    .select(['outbox.id', 'outbox.status', 'outbox.topic', 'cloud_accounts.id as accountId', 'cloud_accounts.code'])
    .where('outbox.id', '=', outboxId)
    .where('outbox.channel', '=', 'platform')
    .executeTakeFirst();
  if (!row)
    throw InputError.one('outboxId', 'platform_command.not_found', `no platform command ${outboxId}`, { outboxId });
  if (row.status !== 'awaiting_release')
    throw InputError.one(
      'outboxId',
      'platform_command.not_awaiting_release',
      `platform command ${outboxId} (${row.topic} for ${row.code}) is not waiting for a release: it is ${row.status}`,
      { outboxId, account: row.code, status: row.status },
    );
  return row;
}

/** R-DUN-9: a supervisor releases a command that waited: it is sent like any other (status pending). */
export async function releaseCommand(db: LedgerDb, outboxId: number, at: string, by: string): Promise<CommandDecision> {
  const row = await awaiting(db, outboxId);
  await db.updateTable('outbox').set({ status: 'pending' }).where('id', '=', outboxId).execute();
  await db
    .insertInto('platform_command_decisions')
    .values({
      outbox_id: outboxId,
      cloud_account_id: row.accountId,
      decision: 'released',
      reason: null,
      decided_at: at,
      decided_by: by,
    })
    .execute();
  return {
    outboxId,
    cloudAccountCode: row.code,
    decision: 'released',
    status: 'pending',
    message: `${row.topic} for ${row.code} released: it is sent to the platform`,
  };
}

/**
 * R-DUN-9: instead of releasing, a supervisor holds the account at Suspend with a reason: the command is
 * withheld (never sent), the account goes back from Terminated to Suspend with the reason as its cause, and the
 * daily job keeps it there until it is paid (D-DUN-3). Its VMs stay stopped; the console login disabled at
 * termination stays disabled until the account is lifted (D-DUN-4).
 */
export async function holdAtSuspend(
  db: LedgerDb,
  outboxId: number,
  reason: string,
  at: string,
  by: string,
): Promise<CommandDecision> {
  const row = await awaiting(db, outboxId);
  await db.updateTable('outbox').set({ status: 'withheld' }).where('id', '=', outboxId).execute();
  await db
    .insertInto('platform_command_decisions')
    .values({
      outbox_id: outboxId,
      cloud_account_id: row.accountId,
      decision: 'held',
      reason,
      decided_at: at,
      decided_by: by,
    })
    .execute();
  const account = await db
    .selectFrom('cloud_accounts')
    .select('status')
    .where('id', '=', row.accountId)
    .executeTakeFirstOrThrow();
  if (account.status === 'terminated') {
    await db.updateTable('cloud_accounts').set({ status: 'suspended' }).where('id', '=', row.accountId).execute();
    await db
      .insertInto('account_status_history')
      .values({
        cloud_account_id: row.accountId,
        from_status: 'terminated',
        to_status: 'suspended',
        cause: `R-DUN-9 held at Suspend by ${by}: ${reason}`,
        at,
      })
      .execute();
  }
  return {
    outboxId,
    cloudAccountCode: row.code,
    decision: 'held',
    status: 'withheld',
    message: `${row.code} held at Suspend; ${row.topic} withheld`,
  };
}
