import { Dec } from '../money';
import type { LedgerDb } from '../ledger/open-database';
import type { CloudAccountStatus } from '../ledger/schema';
import { yenFromDb } from '../ledger/yen';
import { advanceToInstant, type Advanced, type DunningState, type StatusTransition } from './advance';
import { insertRows } from '../ledger/insert-rows';
import type { DunningFacts } from './facts';
import { waitsForRelease, type AccountStatus } from './status';
import { heldAtSuspendOf } from './release-store';
import { addDays, jstMidnight, parseDate } from '../time';

/** The status machine says `suspend`, the cloud_accounts table `suspended`. */
export function toDbStatus(s: AccountStatus): CloudAccountStatus {
  return s === 'suspend' ? 'suspended' : s;
}
export function fromDbStatus(s: string): AccountStatus {
  return s === 'suspended' ? 'suspend' : (s as AccountStatus);
}

/** Ids per query of the batch loaders. */
const IDS_PER_QUERY = 500;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** A payment as the status machine sees it (R-ACC-2: it counts from its value date when that is earlier). */
export function paymentFactOf(p: {
  bill_id: number;
  amount: number | string;
  received_at: string;
  value_date: string | null;
}): DunningFacts['payments'][number] {
  return {
    billId: String(p.bill_id),
    amount: yenFromDb(p.amount),
    recordedAt: Date.parse(p.received_at),
    ...paidAtOf(p.value_date, Date.parse(p.received_at)),
  };
}

/**
 * Every fact the status machine needs about one account, read from the ledger: each final bill still owed
 * after credit notes (card bills only once a charge failure is recorded, R-DUN-1; bank transfer and direct
 * debit bills from their statement's due date, R-DUN-5), the payments against them, and every card registered
 * (R-DUN-4). R-ACC-2: a payment counts from its value date (the end of that JST day), or from the instant it was
 * recorded when that is earlier or no value date is known.
 */
export async function loadDunningFacts(db: LedgerDb, cloudAccountId: number): Promise<DunningFacts> {
  return (await loadDunningFactsOf(db, [cloudAccountId])).get(cloudAccountId)!;
}

/** loadDunningFacts of many accounts, read a few queries per 500 accounts (a bank import settles thousands). */
export async function loadDunningFactsOf(
  db: LedgerDb,
  cloudAccountIds: readonly number[],
): Promise<Map<number, DunningFacts>> {
  const all = new Map<number, DunningFacts>();
  for (const id of cloudAccountIds)
    all.set(id, { cardChargeFailures: [], statementBills: [], payments: [], cardRegistrations: [] });
  for (const accounts of chunks([...all.keys()], IDS_PER_QUERY)) {
    const bills = await db
      .selectFrom('bills')
      .innerJoin('documents', (j) =>
        j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'),
      )
      .select(['bills.id', 'bills.cloud_account_id', 'bills.payment_method', 'bills.amount_due', 'documents.due_date'])
      .where('bills.cloud_account_id', 'in', accounts)
      .where('bills.status', '=', 'final')
      .where('bills.amount_due', '>', 0)
      .orderBy('bills.id')
      .execute();
    const accountOf = new Map<number, number>();
    const credited = new Map<number, Dec>();
    const failed = new Set<number>();
    const payments: { bill_id: number; amount: number; received_at: string; value_date: string | null }[] = [];
    for (const ids of chunks(
      bills.map((b) => b.id),
      IDS_PER_QUERY,
    )) {
      const credits = await db
        .selectFrom('credit_notes')
        .select(['bill_id', 'total'])
        .where('bill_id', 'in', ids)
        .execute();
      for (const c of credits)
        credited.set(c.bill_id, (credited.get(c.bill_id) ?? new Dec(0)).plus(yenFromDb(c.total)));
      const failures = await db
        .selectFrom('collection_attempts')
        .select('bill_id')
        .where('bill_id', 'in', ids)
        .where('outcome', '=', 'failed')
        .where('method', '=', 'credit_card')
        .execute();
      for (const f of failures) failed.add(f.bill_id);
      const paid = await db
        .selectFrom('payments')
        .select(['bill_id', 'amount', 'received_at', 'value_date'])
        .where('bill_id', 'in', ids)
        .orderBy('id')
        .execute();
      for (const p of paid) if (p.bill_id !== null) payments.push({ ...p, bill_id: p.bill_id });
    }
    for (const b of bills) {
      const facts = all.get(b.cloud_account_id)!;
      const amount = yenFromDb(b.amount_due).minus(credited.get(b.id) ?? new Dec(0));
      const dueOn = parseDate(b.due_date);
      if (amount.lte(0) || !dueOn) continue;
      const billId = String(b.id);
      if (b.payment_method === 'credit_card') {
        if (!failed.has(b.id)) continue;
        facts.cardChargeFailures.push({ billId, on: dueOn, amount });
      } else if (b.payment_method === 'bank_transfer' || b.payment_method === 'direct_debit') {
        facts.statementBills.push({ billId, method: b.payment_method, dueOn, amount });
      } else continue;
      accountOf.set(b.id, b.cloud_account_id);
    }
    for (const p of payments) {
      const account = accountOf.get(p.bill_id);
      if (account !== undefined) all.get(account)!.payments.push(paymentFactOf(p));
    }
    const cards = await db
      .selectFrom('payment_methods')
      .select(['cloud_account_id', 'recorded_at'])
      .where('cloud_account_id', 'in', accounts)
      .where('method', '=', 'credit_card')
      .orderBy('id')
      .execute();
    for (const c of cards)
      all.get(c.cloud_account_id)!.cardRegistrations.push({ recordedAt: Date.parse(c.recorded_at) });
  }
  return all;
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
  const state = (await loadDunningStates(db, [cloudAccountId])).get(cloudAccountId);
  if (!state) throw new Error(`no cloud account ${cloudAccountId}`);
  return state;
}

/** loadDunningState of many accounts, a few queries per 500 accounts. */
export async function loadDunningStates(
  db: LedgerDb,
  cloudAccountIds: readonly number[],
): Promise<Map<number, DunningState>> {
  const all = new Map<number, DunningState>();
  for (const ids of chunks([...new Set(cloudAccountIds)], IDS_PER_QUERY)) {
    const accounts = await db
      .selectFrom('cloud_accounts')
      .select(['id', 'code', 'status', 'created_at'])
      .where('id', 'in', ids)
      .execute();
    const progress = await db
      .selectFrom('dunning_progress')
      .select(['cloud_account_id', 'as_of'])
      .where('cloud_account_id', 'in', ids)
      .execute();
    const asOf = new Map(progress.map((p) => [p.cloud_account_id, p.as_of]));
    const rows = await db
      .selectFrom('account_status_history')
      .select(['cloud_account_id', 'from_status', 'to_status', 'cause', 'at'])
      .where('cloud_account_id', 'in', ids)
      .orderBy('id')
      .execute();
    const histories = new Map<number, StatusTransition[]>();
    for (const r of rows) {
      if (r.from_status === null) continue;
      let history = histories.get(r.cloud_account_id);
      if (!history) histories.set(r.cloud_account_id, (history = []));
      history.push({
        from: fromDbStatus(r.from_status),
        to: fromDbStatus(r.to_status),
        at: Date.parse(r.at),
        cause: { rule: r.cause.split(' ')[0] ?? '', billIds: [], text: r.cause },
      });
    }
    const held = await heldAtSuspendOf(db, ids);
    for (const account of accounts) {
      const history = histories.get(account.id) ?? [];
      all.set(account.id, {
        accountId: account.code,
        status: fromDbStatus(account.status),
        asOf: Date.parse(asOf.get(account.id) ?? account.created_at),
        history,
        ...(held.has(account.id) ? { ceiling: 'suspend' as const } : {}),
      });
    }
  }
  return all;
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
  const advanced = advanceToInstant(state, facts, until);
  const applied = await writeAdvance(db, cloudAccountId, state, advanced, now);
  await saveProgress(db, [{ cloudAccountId, asOf: advanced.state.asOf }]);
  return applied;
}

/**
 * What an advance decided, written (but its progress: saveProgress): the status history, the account's status,
 * the platform commands in the outbox (once each: their key is unique).
 */
export async function writeAdvance(
  db: LedgerDb,
  cloudAccountId: number,
  state: DunningState,
  advanced: Advanced,
  now: string,
): Promise<AppliedTransition[]> {
  const { state: next, transitions, commands } = advanced;
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
  return applied;
}

/** Accounts brought up to an instant (epoch ms): their dunning_progress rows, written as multi-row upserts. */
export async function saveProgress(
  db: LedgerDb,
  progress: readonly { cloudAccountId: number; asOf: number }[],
): Promise<void> {
  await insertRows(
    db,
    'dunning_progress',
    ['cloud_account_id', 'as_of'],
    progress.map((p) => ({ cloud_account_id: p.cloudAccountId, as_of: new Date(p.asOf).toISOString() })),
    { onConflict: 'on conflict ("cloud_account_id") do update set "as_of" = excluded."as_of"' },
  );
}
