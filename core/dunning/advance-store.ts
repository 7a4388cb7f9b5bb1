import { Dec } from '../money';
import type { LedgerDb } from '../ledger/open-database';
import type { CloudAccountStatus } from '../ledger/schema';
import { yenFromDb } from '../ledger/yen';
import { advanceToInstant, type DunningState, type StatusTransition } from './advance';
import type { DunningFacts } from './facts';
import { waitsForRelease, type AccountStatus } from './status';
import { heldAtSuspend } from './release-store';
import { addDays, jstMidnight, parseDate } from '../time';

/** The status machine says `suspend`, the cloud_accounts table `suspended`. */
export function toDbStatus(s: AccountStatus): CloudAccountStatus {
  return s === 'suspend' ? 'suspended' : s;
}
export function fromDbStatus(s: string): AccountStatus {
  return s === 'suspended' ? 'suspend' : (s as AccountStatus);
}

/**
 * Every fact the status machine needs about one account, read from the ledger: each final bill still owed
 * after credit notes (card bills only once a charge failure is recorded, R-DUN-1; bank transfer and direct
 * debit bills from their statement's due date, R-DUN-5), the payments against them, and every card registered
 * (R-DUN-4). R-ACC-2: a payment counts from its value date (the end of that JST day), or from the instant it was
 * recorded when that is earlier or no value date is known.
 */
export async function loadDunningFacts(db: LedgerDb, cloudAccountId: number): Promise<DunningFacts> {
  const bills = await db
    .selectFrom('bills')
    .innerJoin('documents', (j) => j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'))
    .select(['bills.id', 'bills.payment_method', 'bills.amount_due', 'documents.due_date'])
    .where('bills.cloud_account_id', '=', cloudAccountId)
    .where('bills.status', '=', 'final')
    .where('bills.amount_due', '>', 0)
    .orderBy('bills.id')
    .execute();
  const facts: DunningFacts = { cardChargeFailures: [], statementBills: [], payments: [], cardRegistrations: [] };
  if (bills.length > 0) {
    const ids = bills.map((b) => b.id);
    const credits = await db
      .selectFrom('credit_notes')
      .select(['bill_id', 'total'])
      .where('bill_id', 'in', ids)
      .execute();
    const failures = await db
      .selectFrom('collection_attempts')
      .select('bill_id')
      .where('bill_id', 'in', ids)
      .where('outcome', '=', 'failed')
      .where('method', '=', 'credit_card')
      .execute();
    const payments = await db
      .selectFrom('payments')
      .select(['bill_id', 'amount', 'received_at', 'value_date'])
      .where('bill_id', 'in', ids)
      .orderBy('id')
      .execute();
    const failed = new Set(failures.map((f) => f.bill_id));
    const included = new Set<number>();
    for (const b of bills) {
      const credited = credits
        .filter((c) => c.bill_id === b.id)
        .reduce((s, c) => s.plus(yenFromDb(c.total)), new Dec(0));
      const amount = yenFromDb(b.amount_due).minus(credited);
      const dueOn = parseDate(b.due_date);
      if (amount.lte(0) || !dueOn) continue;
      const billId = String(b.id);
      if (b.payment_method === 'credit_card') {
        if (!failed.has(b.id)) continue;
        facts.cardChargeFailures.push({ billId, on: dueOn, amount });
      } else if (b.payment_method === 'bank_transfer' || b.payment_method === 'direct_debit') {
        facts.statementBills.push({ billId, method: b.payment_method, dueOn, amount });
      } else continue;
      included.add(b.id);
    }
    for (const p of payments) {
      if (p.bill_id !== null && included.has(p.bill_id))
        facts.payments.push({
          billId: String(p.bill_id),
          amount: yenFromDb(p.amount),
          recordedAt: Date.parse(p.received_at),
          ...paidAtOf(p.value_date, Date.parse(p.received_at)),
        });
    }
  }
  const cards = await db
    .selectFrom('payment_methods')
    .select('recorded_at')
    .where('cloud_account_id', '=', cloudAccountId)
    .where('method', '=', 'credit_card')
    .execute();
  facts.cardRegistrations = cards.map((c) => ({ recordedAt: Date.parse(c.recorded_at) }));
  return facts;
}

/** R-ACC-2: the instant a payment counts as made, when its value date says earlier than its recording. */
function paidAtOf(valueDate: string | null, recordedAt: number): { paidAt?: number } {
  const day = parseDate(valueDate);
  if (!day) return {};
  const endOfDay = jstMidnight(addDays(day, 1)) - 1;
  return endOfDay < recordedAt ? { paidAt: endOfDay } : {};
}

/** The account's status machine state: its status, up to when facts were applied, and its transitions. */
export async function loadDunningState(db: LedgerDb, cloudAccountId: number): Promise<DunningState> {
  const account = await db
    .selectFrom('cloud_accounts')
    .select(['code', 'status', 'created_at'])
    .where('id', '=', cloudAccountId)
    .executeTakeFirstOrThrow();
  const progress = await db
    .selectFrom('dunning_progress')
    .select('as_of')
    .where('cloud_account_id', '=', cloudAccountId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('account_status_history')
    .select(['from_status', 'to_status', 'cause', 'at'])
    .where('cloud_account_id', '=', cloudAccountId)
    .orderBy('id')
    .execute();
  const history: StatusTransition[] = rows
    .filter((r) => r.from_status !== null)
    .map((r) => ({
      from: fromDbStatus(r.from_status!),
      to: fromDbStatus(r.to_status),
      at: Date.parse(r.at),
      cause: { rule: r.cause.split(' ')[0] ?? '', billIds: [], text: r.cause },
    }));
  const held = await heldAtSuspend(db, cloudAccountId);
  return {
    accountId: account.code,
    status: fromDbStatus(account.status),
    asOf: Date.parse(progress?.as_of ?? account.created_at),
    history,
    ...(held ? { ceiling: 'suspend' as const } : {}),
  };
}

/**
 * Decision (R-DUN-1 with R-DUN-7): a card charge of the 1st restricts as of 00:00 JST that day, but its failure
 * is learned during the day, often after the daily job has already brought the account to 00:00. When such a
 * fact arrives and nothing has been recorded for the account since `moment`, its progress is set back to just
 * before `moment`, so the next advance applies the restriction at its own instant. Reason: the status machine
 * never revisits an applied instant, and without this the restriction would be skipped and the account
 * restricted and suspended at once five days later. With a transition recorded since, nothing is rewritten.
 */
export async function rewindForLateFact(db: LedgerDb, cloudAccountId: number, moment: number): Promise<boolean> {
  const progress = await db
    .selectFrom('dunning_progress')
    .select('as_of')
    .where('cloud_account_id', '=', cloudAccountId)
    .executeTakeFirst();
  if (!progress || Date.parse(progress.as_of) < moment) return false;
  const since = await db
    .selectFrom('account_status_history')
    .select('id')
    .where('cloud_account_id', '=', cloudAccountId)
    .where('from_status', 'is not', null)
    .where('at', '>=', new Date(moment).toISOString())
    .executeTakeFirst();
  if (since) return false;
  await db
    .updateTable('dunning_progress')
    .set({ as_of: new Date(moment - 1).toISOString() })
    .where('cloud_account_id', '=', cloudAccountId)
    .execute();
  return true;
}

export interface AppliedTransition {
  account: string;
  from: CloudAccountStatus;
  to: CloudAccountStatus;
  at: string;
  rule: string;
  cause: string;
}

/**
 * Brings one account's status up to `until` (epoch ms) and writes what that decides: the status history, the
 * account's status, the platform commands in the outbox (once each: their key is unique) and the progress.
 */
export async function advanceAccount(
  db: LedgerDb,
  cloudAccountId: number,
  until: number,
  now: string,
): Promise<AppliedTransition[]> {
  const state = await loadDunningState(db, cloudAccountId);
  if (until <= state.asOf) return [];
  const facts = await loadDunningFacts(db, cloudAccountId);
  const { state: next, transitions, commands } = advanceToInstant(state, facts, until);
  const applied: AppliedTransition[] = [];
  for (const t of transitions) {
    const cause = `${t.cause.rule} ${t.cause.text}`;
    const at = new Date(t.at).toISOString();
    await db
      .insertInto('account_status_history')
      .values({
        cloud_account_id: cloudAccountId,
        from_status: toDbStatus(t.from),
        to_status: toDbStatus(t.to),
        cause,
        at,
      })
      .execute();
    applied.push({
      account: state.accountId,
      from: toDbStatus(t.from),
      to: toDbStatus(t.to),
      at,
      rule: t.cause.rule,
      cause,
    });
  }
  if (next.status !== state.status)
    await db
      .updateTable('cloud_accounts')
      .set({ status: toDbStatus(next.status) })
      .where('id', '=', cloudAccountId)
      .execute();
  for (const c of commands) {
    await db
      .insertInto('outbox')
      .values({
        created_at: now,
        channel: 'platform',
        topic: c.command,
        payload: JSON.stringify({
          account: c.accountId,
          command: c.command,
          at: new Date(c.at).toISOString(),
          rule: c.rule,
        }),
        cloud_account_id: cloudAccountId,
        status: waitsForRelease(c.command) ? 'awaiting_release' : 'pending',
        dedupe_key: c.key,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .execute();
  }
  const asOf = new Date(next.asOf).toISOString();
  await db
    .insertInto('dunning_progress')
    .values({ cloud_account_id: cloudAccountId, as_of: asOf })
    .onConflict((oc) => oc.column('cloud_account_id').doUpdateSet({ as_of: asOf }))
    .execute();
  return applied;
}
