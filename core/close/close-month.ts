import { billingDates, datesForClose } from '../billing';
import { issueDocument } from '../documents/document-store';
import { InputError, Problems, type FieldProblem } from '../errors';
import { nextDocumentNumber } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import { postTransaction, type PostingLine } from '../ledger/post';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { parsePlans, type AccountBill, type PlanTable, type TaxMode } from '../rating';
import { formatDate, jstDate, jstMidnight, jstToday, parseMonth, type BillingMonth, type CalendarDate } from '../time';
import { methodInForce, paymentMethodHistory, type StoredMethod } from '../payments/methods';
import { lockRows } from '../ledger/dialect';
import { transact } from '../ledger/transaction';
import { monthCloseState } from './month-state';
import { plansForMonth } from '../billing/price-plans-store';
import { consumePrepaidForBill } from '../prepaid/consume';
import { applyCustomerCredit } from '../payments/customer-credit';
import { accountBillUntil } from '../prepaid/month-to-date';
import { statementData, type StatementParty } from './statement-data';
import { rateUsage } from '../rating';
import { sellerHistory, sellerOn, type DatedSeller } from '../parties';
import { statementTaxMode, taxedInMode } from './qualified-invoice';

export interface CloseProgress {
  month: string;
  /** Bills of the month made so far, earlier runs included. */
  done: number;
  total: number;
}

export interface CloseOptions {
  month: string;
  now: Date;
  by: string | null;
  /** Accounts billed per committed transaction (outside the catalog: the benchmark). */
  batchSize?: number;
  /**
   * Bill at most this many accounts in this run and stop there, the month still closing: a caller that cannot
   * receive progress (the catalog) calls again until `finished`, showing done / bills in between. 0 starts the
   * close and answers how many bills it makes, billing nobody yet.
   */
  maxAccounts?: number;
  onProgress?: (p: CloseProgress) => void;
}

export interface CloseResult {
  month: string;
  alreadyClosed: boolean;
  message: string;
  /** Bills of the month in all. */
  bills: number;
  /** Bills of the month made so far, earlier runs included (= bills once finished). */
  done: number;
  /** The month is closed (false only when maxAccounts stopped this run early). */
  finished: boolean;
  /** Bills this run made (0 when another run had made them all). */
  billedNow: number;
  /** Whether the close had been started before this call (by an interrupted run, or this run's earlier step). */
  resumed: boolean;
  /** Milliseconds spent rating the month's usage and writing bills, statements and postings. */
  phaseMs: { rating: number; billing: number };
  /**
   * R-BILL-7: the close is late (after the month's regular statement issue date, R-BILL-3): the day its
   * statements are issued instead, and by how many days; null when on time.
   */
  late: { closedOn: string; regularIssueOn: string; daysLate: number } | null;
}

interface RatedAccount {
  code: string;
  bill: AccountBill;
  usageImportId: number;
  taxMode: TaxMode;
  taxRate: string;
  /** The price list the account was rated with (the file's own, or the month's): the statement's unit prices. */
  plans: PlanTable;
}

interface AccountParty extends StatementParty {
  cloudAccountId: number;
  memberId: number;
}

const DEFAULT_BATCH = 250;

/**
 * The month rated by the last call, for the next step of the same close (billing.closeMonth in steps of
 * `maxAccounts`): rating is pure, so the same files (by digest) and the same plans give the same bills, and a
 * close of 10,000 accounts in 40 steps rates the month once instead of 40 times. One entry: the month closing.
 */
let lastRated: { key: string; rated: RatedAccount[] } | null = null;

/**
 * Rates every usage file of the month. Decision (several files for a month): each account's usage of a month
 * comes from exactly one file; a file naming an account that another file of the month already has is refused
 * at import, and the close refuses such a month too (files stored before that check). Reason: merging
 * resources of one account across files would let a re-sent export bill the same VM twice.
 */
async function rateMonth(db: LedgerDb, month: BillingMonth): Promise<RatedAccount[]> {
  const stored = await db
    .selectFrom('usage_imports')
    .select(['id', 'content_digest'])
    .where('month', '=', month.key)
    .orderBy('id')
    .execute();
  if (stored.length === 0)
    throw InputError.one('month', 'month.no_usage', `no usage imported for ${month.key}: import its usage file first`, {
      month: month.key,
    });
  const plans = await plansForMonth(db, month.key);
  const key = JSON.stringify([month.key, stored, [...plans]]);
  if (lastRated?.key === key) return lastRated.rated;
  const imports = await db
    .selectFrom('usage_imports')
    .select(['id', 'content'])
    .where('month', '=', month.key)
    .orderBy('id')
    .execute();
  const byCode = new Map<string, RatedAccount>();
  const problems: FieldProblem[] = [];
  for (const imp of imports) {
    const usage = JSON.parse(imp.content) as { plans?: unknown };
    const bill = rateUsage(usage, plans);
    // rateUsage has refused a file whose own plans have problems, so this reading finds none.
    const ratedWith = usage.plans === undefined ? plans : parsePlans(usage.plans, 'plans', new Problems());
    for (const account of bill.accounts) {
      const earlier = byCode.get(account.account);
      if (earlier)
        problems.push({
          path: `usage_imports[${imp.id}]`,
          code: 'usage.account_in_other_file',
          params: { account: account.account, month: month.key, usageImportId: earlier.usageImportId },
          message: `${account.account} also has usage in import ${earlier.usageImportId}: one file per account and month`,
        });
      else
        byCode.set(account.account, {
          code: account.account,
          bill: account,
          usageImportId: imp.id,
          taxMode: bill.taxMode,
          taxRate: bill.taxRate,
          plans: ratedWith,
        });
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  const rated = [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  lastRated = { key, rated };
  return rated;
}

async function parties(db: LedgerDb, codes: string[]): Promise<Map<string, AccountParty>> {
  const out = new Map<string, AccountParty>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('cloud_accounts')
      .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
      .select([
        'cloud_accounts.id',
        'cloud_accounts.code',
        'members.id as member_id',
        'members.kind',
        'members.name',
        'members.name_kana',
        'members.address',
        'members.member_number',
      ])
      .where('cloud_accounts.code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      out.set(r.code, {
        cloudAccountId: r.id,
        memberId: r.member_id,
        kind: r.kind,
        name: r.name,
        nameKana: r.name_kana,
        address: r.address,
        memberNumber: r.member_number,
        accountCode: r.code,
      });
    }
  }
  const unknown = codes.filter((c) => !out.has(c));
  if (unknown.length > 0)
    throw new InputError(
      unknown.map((c): FieldProblem => ({
        path: 'accounts',
        code: 'cloud_account.not_found',
        params: { code: c },
        message: `no cloud account ${c}`,
      })),
    );
  return out;
}

/** R-PRE-14: the account's bill of its month's usage up to an instant (an expiring prepaid ID's cap). */
async function accountBillOfImport(trx: LedgerDb, rated: RatedAccount, month: BillingMonth, instant: string) {
  const file = await trx
    .selectFrom('usage_imports')
    .select('content')
    .where('id', '=', rated.usageImportId)
    .executeTakeFirstOrThrow();
  const plans = await plansForMonth(trx, month.key);
  return accountBillUntil([JSON.parse(file.content)], plans, rated.code, Date.parse(instant)) ?? new Dec(0);
}

/**
 * One account's bill of the month: the method in force (R-BILL-5) and its dates (R-BILL-1..4, R-BILL-6), the
 * prepaid offset (R-PRE-7..10), the statement with its gapless number, and one balanced posting: debit the
 * prepaid liability for the prepaid part and receivables for the rest, credit revenue (subtotal) and tax
 * payable (tax).
 */
async function billAccount(
  trx: LedgerDb,
  month: BillingMonth,
  rated: RatedAccount,
  party: AccountParty,
  history: StoredMethod[],
  sellers: readonly DatedSeller[],
  closedOn: CalendarDate,
  at: string,
  by: string | null,
): Promise<void> {
  const { method, card } = methodInForce(party.kind, history, month);
  const dates = datesForClose(billingDates(method, month), closedOn);
  // R-TAX-4, R-TAX-5: the seller on the statement's issue date decides whether it is a qualified invoice.
  const seller = sellerOn(sellers, formatDate(dates.issueOn));
  const taxMode = statementTaxMode(rated.taxMode, month.key, seller);
  const bill = taxMode === rated.taxMode ? rated.bill : taxedInMode(rated.bill, rated.taxRate, taxMode);
  const subtotal = new Dec(bill.subtotal);
  const tax = new Dec(bill.tax);
  const total = new Dec(bill.total);
  const { applied } = total.isZero()
    ? { applied: new Dec(0) }
    : await consumePrepaidForBill(trx, {
        cloudAccountId: party.cloudAccountId,
        month: month.key,
        totalYen: total,
        at,
        by,
        billUntil: (instant) => accountBillOfImport(trx, rated, month, instant),
      });
  if (applied.isNegative() || applied.greaterThan(total))
    throw new Error(`prepaid applied ${applied.toFixed()} is outside 0…${total.toFixed()} for ${party.accountCode}`);
  const due = total.minus(applied);
  const { id: billId } = await trx
    .insertInto('bills')
    .values({
      cloud_account_id: party.cloudAccountId,
      month: month.key,
      usage_import_id: rated.usageImportId,
      tax_mode: taxMode,
      tax_rate: rated.taxRate,
      subtotal: yenToDb(subtotal),
      tax: yenToDb(tax),
      total: yenToDb(total),
      prepaid_applied: yenToDb(applied),
      amount_due: yenToDb(due),
      payment_method: method,
      status: 'draft',
      detail: JSON.stringify(bill),
      created_at: at,
      finalized_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const number = await nextDocumentNumber(trx, 'statement', dates.issueOn.year);
  const data = statementData({
    number,
    party,
    bill,
    plans: rated.plans,
    month: month.key,
    taxMode,
    taxRate: rated.taxRate,
    prepaidApplied: applied,
    method,
    dates,
    card: card ? { brand: card.cardBrand, last4: card.cardLast4 } : null,
  });
  await issueDocument(trx, {
    kind: 'statement',
    number,
    memberId: party.memberId,
    cloudAccountId: party.cloudAccountId,
    billId,
    issuedAt: new Date(jstMidnight(dates.issueOn)).toISOString(),
    dueDate: formatDate(dates.dueOn),
    subtotal: yenToDb(subtotal),
    tax: yenToDb(tax),
    total: yenToDb(total),
    content: data,
    createdBy: by,
    // D-ARCH-1: archived when it first leaves the back office (core/close/archive-statements.ts).
    pdf: 'at first send',
  });
  if (total.isZero()) return;
  const who = { memberId: party.memberId, cloudAccountId: party.cloudAccountId };
  const lines: PostingLine[] = [];
  if (applied.greaterThan(0)) lines.push({ account: 'prepaid_liability', side: 'debit', amount: applied, ...who });
  if (due.greaterThan(0)) lines.push({ account: 'receivables', side: 'debit', amount: due, ...who });
  if (subtotal.greaterThan(0)) lines.push({ account: 'revenue', side: 'credit', amount: subtotal, ...who });
  if (tax.greaterThan(0)) lines.push({ account: 'tax_payable', side: 'credit', amount: tax, ...who });
  await postTransaction(trx, {
    kind: 'invoice',
    memo: `${party.accountCode} ${month.key} ${number}`,
    postedAt: at,
    postedBy: by,
    reference: `bill:${billId}`,
    lines,
  });
  await applyCustomerCredit(
    trx,
    { billId, memberId: party.memberId, cloudAccountId: party.cloudAccountId, due, label: number },
    at,
    by,
  );
}

/**
 * Takes the month's close row for this transaction, so runs of the same close take their batches in turn
 * (on SQLite the write lock already does), and says whether the month was found closed meanwhile. A run that
 * waited reads what the other's batch billed (notYetBilled); on PostgreSQL, where its snapshot may be older
 * than that batch, writing the same bills collides (40001) and the batch is run again afresh (transact).
 */
async function claimMonth(trx: LedgerDb, month: string): Promise<'closing' | 'closed'> {
  const row = await lockRows(
    trx,
    trx.selectFrom('month_closes').select('closed_at').where('month', '=', month),
  ).executeTakeFirstOrThrow();
  return row.closed_at === null ? 'closing' : 'closed';
}

/** The accounts of a batch that no run has billed yet, read inside the batch's own transaction. */
async function notYetBilled(
  trx: LedgerDb,
  month: string,
  batch: RatedAccount[],
  byCode: Map<string, AccountParty>,
): Promise<RatedAccount[]> {
  const ids = batch.map((r) => byCode.get(r.code)!.cloudAccountId);
  const billed = new Set(
    (
      await trx
        .selectFrom('bills')
        .select('cloud_account_id')
        .where('month', '=', month)
        .where('cloud_account_id', 'in', ids)
        .execute()
    ).map((b) => b.cloud_account_id),
  );
  return batch.filter((r) => !billed.has(byCode.get(r.code)!.cloudAccountId));
}

/**
 * The answer of a close that finds its month closed: before it started, or by another run while it went on (two
 * people closing the same month at once: the month is closed once, with the other run's bills).
 */
function alreadyClosed(month: string, bills: number, message: string): CloseResult {
  return {
    month,
    alreadyClosed: true,
    message,
    bills,
    done: bills,
    finished: true,
    billedNow: 0,
    resumed: false,
    phaseMs: { rating: 0, billing: 0 },
    late: null,
  };
}

/**
 * R-BILL-7: the day of the close, which late statements are issued on: the JST day the close started, so every
 * step of a close that runs past midnight issues on the same day.
 */
async function closeDay(db: LedgerDb, month: string, now: Date): Promise<CalendarDate> {
  const row = await db.selectFrom('month_closes').select('started_at').where('month', '=', month).executeTakeFirst();
  return row ? jstDate(Date.parse(row.started_at)) : jstToday(now);
}

/** R-BILL-7: whether a close on `closedOn` is late, measured against the statements' regular issue date. */
export function lateness(month: BillingMonth, closedOn: CalendarDate): CloseResult['late'] {
  const { late } = datesForClose(billingDates('bank_transfer', month), closedOn);
  return late
    ? { closedOn: formatDate(closedOn), regularIssueOn: formatDate(late.regularIssueOn), daysLate: late.daysLate }
    : null;
}

function lateText(late: CloseResult['late']): string {
  return late
    ? `; closed ${late.daysLate} day(s) late: statements issued ${late.closedOn} instead of ${late.regularIssueOn}, due dates moved (R-BILL-7)`
    : '';
}

function closedMeanwhile(month: string, bills: number): CloseResult {
  return alreadyClosed(
    month,
    bills,
    `${month} was closed by another run of the close meanwhile (${bills} bills); nothing more changed`,
  );
}

/** A month is closed once it has ended (JST): the close and its preview say so before anything else. */
function refuseMonthNotOver(month: BillingMonth, now: Date): void {
  if (now.getTime() < month.end)
    throw InputError.one(
      'month',
      'month.not_over',
      `${month.key} is not over yet: a month is closed once it has ended (JST)`,
      { month: month.key },
    );
}

/**
 * The month close (issue 5). Resumable: each batch of accounts is committed with its bills, statements and
 * postings (through the catalog, billing.closeMonth called in steps of `maxAccounts`, each step one transaction
 * with its one audit entry); a bill is unique per (account, month) and accounts already billed are skipped,
 * so a close killed half way and run again bills nobody twice and ends with the same bills and ledger. The
 * month is marked closed only at the end, in the transaction that makes the bills final. Run again after
 * that, it changes nothing and says so.
 */
export async function closeMonth(db: LedgerDb, options: CloseOptions): Promise<CloseResult> {
  const month = parseMonth(options.month, 'month');
  const at = options.now.toISOString();
  refuseMonthNotOver(month, options.now);
  const state = await monthCloseState(db, month.key);
  if (state === 'closed') {
    const row = await db
      .selectFrom('month_closes')
      .select('bill_count')
      .where('month', '=', month.key)
      .executeTakeFirstOrThrow();
    const bills = row.bill_count ?? 0;
    return alreadyClosed(month.key, bills, `${month.key} is already closed (${bills} bills); nothing changed`);
  }
  const ratingStarted = performance.now();
  const rated = await rateMonth(db, month);
  const ratingMs = performance.now() - ratingStarted;
  const billed = new Set(
    (
      await db
        .selectFrom('bills')
        .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
        .select('cloud_accounts.code')
        .where('bills.month', '=', month.key)
        .execute()
    ).map((b) => b.code),
  );
  const unbilled = rated.filter((r) => !billed.has(r.code));
  const todo = options.maxAccounts === undefined ? unbilled : unbilled.slice(0, options.maxAccounts);
  // Every account of the month is looked up (an unknown one refused) when the close starts; a later step
  // looks up only the accounts it bills.
  const byCode = await parties(
    db,
    (state === 'open' ? rated : todo).map((r) => r.code),
  );
  const history = await paymentMethodHistory(
    db,
    todo.length < rated.length ? todo.map((r) => byCode.get(r.code)!.cloudAccountId) : undefined,
  );

  const sellers = await sellerHistory(db);
  const closedOn = await closeDay(db, month.key, options.now);
  const late = lateness(month, closedOn);
  const billingStarted = performance.now();
  if (state === 'open')
    await transact(db, (trx) =>
      trx
        .insertInto('month_closes')
        .values({ month: month.key, started_at: at, closed_at: null, bill_count: null })
        .onConflict((oc) => oc.column('month').doNothing())
        .execute(),
    );
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let done = rated.length - unbilled.length;
  let billedNow = 0;
  options.onProgress?.({ month: month.key, done, total: rated.length });
  for (let i = 0; i < todo.length; i += batchSize) {
    const batch = todo.slice(i, i + batchSize);
    const billedInBatch = await transact(db, async (trx) => {
      if ((await claimMonth(trx, month.key)) === 'closed') return null;
      const fresh = await notYetBilled(trx, month.key, batch, byCode);
      for (const r of fresh) {
        const party = byCode.get(r.code)!;
        await billAccount(
          trx,
          month,
          r,
          party,
          history.get(party.cloudAccountId) ?? [],
          sellers,
          closedOn,
          at,
          options.by,
        );
      }
      return fresh.length;
    });
    if (billedInBatch === null) return closedMeanwhile(month.key, rated.length);
    billedNow += billedInBatch;
    done += batch.length;
    options.onProgress?.({ month: month.key, done, total: rated.length });
  }
  const resumed = state === 'closing';
  const phaseMs = () => ({ rating: Math.round(ratingMs), billing: Math.round(performance.now() - billingStarted) });
  if (todo.length < unbilled.length) {
    const message = `${month.key}: ${done} of ${rated.length} bills made; the close goes on at the next call`;
    return {
      month: month.key,
      alreadyClosed: false,
      message,
      bills: rated.length,
      done,
      finished: false,
      billedNow,
      resumed,
      phaseMs: phaseMs(),
      late,
    };
  }
  const closedHere = await transact(db, async (trx) => {
    if ((await claimMonth(trx, month.key)) === 'closed') return false;
    await trx
      .updateTable('bills')
      .set({ status: 'final', finalized_at: at })
      .where('month', '=', month.key)
      .where('status', '=', 'draft')
      .execute();
    await trx
      .updateTable('month_closes')
      .set({ closed_at: at, bill_count: rated.length })
      .where('month', '=', month.key)
      .execute();
    return true;
  });
  if (!closedHere) return closedMeanwhile(month.key, rated.length);
  return {
    month: month.key,
    alreadyClosed: false,
    message: `${month.key} closed: ${rated.length} bills${lateText(late)}`,
    bills: rated.length,
    done: rated.length,
    finished: true,
    billedNow,
    resumed,
    phaseMs: phaseMs(),
    late,
  };
}

export interface ClosePreview {
  month: string;
  state: 'open' | 'closing' | 'closed';
  /** Bills the close makes (or made), and their total in yen (a decimal string). */
  bills: number;
  total: string;
  /** R-BILL-7: a close today would be late by this much (null: on time, or already closed). */
  late: CloseResult['late'];
}

/**
 * What closing the month would do, for the confirmation that names it before the close (issue 14): the bills
 * and their total, rated as the close will rate them; for a closed month, what it made. Writes nothing.
 */
export async function previewClose(db: LedgerDb, monthText: string, now: Date): Promise<ClosePreview> {
  const month = parseMonth(monthText, 'month');
  refuseMonthNotOver(month, now);
  const state = await monthCloseState(db, month.key);
  if (state === 'closed') {
    const row = await db
      .selectFrom('bills')
      .select((eb) => [
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.sum<number | string | null>('total').as('total'),
      ])
      .where('month', '=', month.key)
      .executeTakeFirstOrThrow();
    return { month: month.key, state, bills: Number(row.n), total: yenFromDb(row.total).toFixed(), late: null };
  }
  const rated = await rateMonth(db, month);
  const total = rated.reduce((sum, r) => sum.plus(new Dec(r.bill.total)), new Dec(0));
  return {
    month: month.key,
    state,
    bills: rated.length,
    total: total.toFixed(),
    late: lateness(month, await closeDay(db, month.key, now)),
  };
}
