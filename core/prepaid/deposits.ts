import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import type { DepositsTable } from '../ledger/schema';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { addBusinessDays, formatDate, jstToday } from '../time';
import type { Selectable } from 'kysely';
import { prepaidAmountProblem } from './amount';
import { findByStatement, type StatementApplication } from './statement';

type DepositRow = Selectable<DepositsTable>;

/** R-PRE-3: the prepaid ID is due by the 5th bank business day after the deposit is confirmed (3 at the earliest). */
export const ISSUE_DUE_BUSINESS_DAYS = 5;

export type DepositEntry =
  | { statementNumber: string; amount: string; valueDate: string; bankReference: string; payerKana?: string }
  | { statementNumber: string; depositId: number };

export interface DepositOutcome {
  /** What the deposit paid: a prepaid statement (a monthly bill's is core/reconcile's HandPayment). */
  paid: 'prepaid_statement';
  /** confirmed: the statement is paid; held: the amount or the statement needs a decision; unchanged: seen before. */
  outcome: 'confirmed' | 'held' | 'unchanged';
  depositId: number;
  bankReference: string;
  statementNumber: string;
  amount: string;
  expected: string;
  status: string;
  issueDueDate: string | null;
  /** Why a held deposit is held, for the screen to word: more or less than the statement, or it was paid already. */
  heldBecause: HeldReason | null;
  /** The statement's status when the deposit was decided (paid: a second payment). */
  statementStatus: string;
  message: string;
}

export type HeldReason = 'excess' | 'short' | 'not_awaiting_payment';

/**
 * Why a deposit of `amount` for the statement is held, or null when it pays it exactly (with the transfer fee
 * the payer deducted, accepted by the bank import).
 */
function heldReason(amount: Dec, fee: Dec, expected: Dec, statementStatus: string): HeldReason | null {
  if (statementStatus !== 'billed') return 'not_awaiting_payment';
  if (amount.plus(fee).equals(expected)) return null;
  return amount.greaterThan(expected) ? 'excess' : 'short';
}

interface Actor {
  now: Date;
  by: string | null;
}

async function depositById(db: LedgerDb, id: number): Promise<DepositRow> {
  const row = await db.selectFrom('deposits').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw InputError.one('depositId', 'deposit.not_found', `no deposit ${id}`, { deposit: id });
  return row;
}

async function depositByReference(db: LedgerDb, reference: string): Promise<DepositRow | undefined> {
  return db.selectFrom('deposits').selectAll().where('bank_reference', '=', reference).orderBy('id').executeTakeFirst();
}

const SETTLED: DepositRow['status'][] = ['confirmed', 'held', 'returned'];

function outcomeOf(
  deposit: DepositRow,
  app: StatementApplication,
  outcome: DepositOutcome['outcome'],
  message: string,
  heldBecause: HeldReason | null = null,
): DepositOutcome {
  return {
    paid: 'prepaid_statement',
    outcome,
    heldBecause,
    statementStatus: app.status,
    depositId: deposit.id,
    bankReference: deposit.bank_reference,
    statementNumber: app.statement_number,
    amount: String(deposit.amount),
    expected: String(app.statement_total),
    status: deposit.status,
    issueDueDate: app.issue_due_date,
    message,
  };
}

/** Marks the application paid: the credit it bought, and the issuance due date (R-PRE-3). */
async function markPaid(
  db: LedgerDb,
  app: StatementApplication,
  deposit: DepositRow,
  credit: Dec,
  a: Actor,
): Promise<string> {
  const due = formatDate(addBusinessDays(jstToday(a.now), ISSUE_DUE_BUSINESS_DAYS));
  await db
    .updateTable('prepaid_applications')
    .set({
      status: 'paid',
      deposit_id: deposit.id,
      credit_amount: yenToDb(credit),
      paid_at: a.now.toISOString(),
      issue_due_date: due,
      updated_at: a.now.toISOString(),
    })
    .where('id', '=', app.id)
    .execute();
  await db
    .insertInto('payments')
    .values({
      member_id: app.member_id,
      cloud_account_id: null,
      document_id: app.statement_id,
      bill_id: null,
      deposit_id: deposit.id,
      method: 'bank_transfer',
      amount: yenToDb(credit),
      received_at: a.now.toISOString(),
      ledger_transaction_id: null,
      created_at: a.now.toISOString(),
      value_date: deposit.value_date,
    })
    .execute();
  return due;
}

/**
 * Confirms a deposit for a prepaid statement (R-PRE-2), typed in or imported from a bank file. Idempotent by
 * bank reference (or deposit id): a deposit already confirmed, held or returned changes nothing and says so.
 * The money is posted as it arrives (bank / prepaid_liability: it is the member's, as credit or as a refund);
 * an amount other than the statement's, or a statement not awaiting payment, is held for a decision.
 */
export async function confirmDeposit(
  db: LedgerDb,
  entry: DepositEntry,
  a: Actor,
  fee: Dec = new Dec(0),
  /** R-ACC-1: where the money is: at the bank now, or in suspense since the bank file's import. */
  from: 'bank' | 'suspense' = 'bank',
): Promise<DepositOutcome> {
  const app = await findByStatement(db, entry.statementNumber);
  let deposit: DepositRow | undefined;
  if ('depositId' in entry) {
    deposit = await depositById(db, entry.depositId);
  } else {
    deposit = await depositByReference(db, entry.bankReference);
    if (deposit && !yenFromDb(deposit.amount).equals(new Dec(entry.amount))) {
      throw InputError.one(
        'bankReference',
        'deposit.amount_differs',
        `${entry.bankReference} is already recorded for ${deposit.amount} yen, not ${entry.amount}`,
        { bankReference: entry.bankReference, recorded: deposit.amount, amount: entry.amount },
      );
    }
  }
  if (deposit && (SETTLED.includes(deposit.status) || deposit.confirmed_at !== null)) {
    if (deposit.matched_document_id !== app.statement_id) {
      throw InputError.one(
        'statementNumber',
        'deposit.other_document',
        `deposit ${deposit.bank_reference} was already recorded for another document`,
        { bankReference: deposit.bank_reference },
      );
    }
    return outcomeOf(
      deposit,
      app,
      'unchanged',
      `deposit ${deposit.bank_reference} was already recorded (${deposit.status}); nothing changed`,
    );
  }
  const at = a.now.toISOString();
  if (!deposit) {
    const manual = entry as Extract<DepositEntry, { amount: string }>;
    deposit = await db
      .insertInto('deposits')
      .values({
        value_date: manual.valueDate,
        amount: yenToDb(new Dec(manual.amount)),
        payer_kana: manual.payerKana ?? app.payer_kana ?? '',
        bank_reference: manual.bankReference,
        source_digest: null,
        status: 'matched',
        matched_document_id: app.statement_id,
        confirmed_at: null,
        confirmed_by: null,
        created_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }
  const amount = yenFromDb(deposit.amount);
  const expected = yenFromDb(app.statement_total);
  await postTransaction(db, {
    kind: 'deposit',
    memo: `prepaid deposit ${deposit.bank_reference} for ${app.statement_number}`,
    postedAt: at,
    postedBy: a.by,
    reference: `deposit:${deposit.id}`,
    valueDate: deposit.value_date,
    lines: [
      { account: from, side: 'debit', amount, memberId: app.member_id },
      { account: 'prepaid_liability', side: 'credit', amount, memberId: app.member_id },
    ],
  });
  // fee: the transfer fee the payer deducted, accepted by the bank import (R-RECON-3); it counts as paid.
  const because = heldReason(amount, fee, expected, app.status);
  const exact = because === null;
  const reason = exact
    ? null
    : because === 'not_awaiting_payment'
      ? `the statement is ${app.status}, not awaiting payment`
      : `${because} deposit: ${amount.toFixed()} yen for a statement of ${expected.toFixed()} yen`;
  const confirmed = await db
    .updateTable('deposits')
    .set({
      status: exact ? 'confirmed' : 'held',
      matched_document_id: app.statement_id,
      confirmed_at: at,
      confirmed_by: a.by,
      note: reason,
    })
    .where('id', '=', deposit.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (because !== null) return outcomeOf(confirmed, app, 'held', `held for a decision: ${reason}`, because);
  if (fee.isPositive() && !fee.isZero()) {
    await postTransaction(db, {
      kind: 'bank_fee',
      memo: `transfer fee deducted from prepaid deposit ${deposit.bank_reference} for ${app.statement_number}`,
      postedAt: at,
      postedBy: a.by,
      reference: `deposit:${deposit.id}`,
      lines: [
        { account: 'fees', side: 'debit', amount: fee, memberId: app.member_id },
        { account: 'prepaid_liability', side: 'credit', amount: fee, memberId: app.member_id },
      ],
    });
  }
  const due = await markPaid(db, app, confirmed, amount.plus(fee), a);
  return { ...outcomeOf(confirmed, app, 'confirmed', `confirmed; the prepaid ID is due by ${due}`), issueDueDate: due };
}

export type DepositDecision = 'accept' | 'refund' | 'hold';

/**
 * Decides a held deposit. accept: the deposit buys credit of its own amount (which must be a prepaid amount,
 * R-PRE-1) on a statement still awaiting payment; refund: the money goes back (prepaid_liability / bank);
 * hold: it stays held, the reason noted.
 */
export async function decideDeposit(
  db: LedgerDb,
  input: { bankReference: string; decision: DepositDecision; reason: string },
  a: Actor,
): Promise<DepositOutcome> {
  const deposit = await depositByReference(db, input.bankReference);
  if (!deposit)
    throw InputError.one('bankReference', 'deposit.not_found', `no deposit ${input.bankReference}`, {
      deposit: input.bankReference,
    });
  if (deposit.status !== 'held')
    throw InputError.one(
      'bankReference',
      'deposit.not_held',
      `deposit ${input.bankReference} is ${deposit.status}, not held`,
      { bankReference: input.bankReference, status: deposit.status },
    );
  const statement = await db
    .selectFrom('documents')
    .select('number')
    .where('id', '=', deposit.matched_document_id ?? -1)
    .executeTakeFirstOrThrow();
  const app = await findByStatement(db, statement.number);
  const note = `${deposit.note ?? ''}; ${input.decision}: ${input.reason}`;
  const amount = yenFromDb(deposit.amount);
  if (input.decision === 'hold') {
    await db.updateTable('deposits').set({ note }).where('id', '=', deposit.id).execute();
    const because =
      heldReason(amount, new Dec(0), yenFromDb(app.statement_total), app.status) ?? 'not_awaiting_payment';
    return outcomeOf({ ...deposit, note }, app, 'held', 'still held', because);
  }
  if (input.decision === 'refund') {
    await postTransaction(db, {
      kind: 'deposit_refund',
      memo: `refund of prepaid deposit ${deposit.bank_reference}: ${input.reason}`,
      postedAt: a.now.toISOString(),
      postedBy: a.by,
      reference: `deposit:${deposit.id}`,
      valueDate: formatDate(jstToday(a.now)),
      lines: [
        { account: 'prepaid_liability', side: 'debit', amount, memberId: app.member_id },
        { account: 'bank', side: 'credit', amount, memberId: app.member_id },
      ],
    });
    const returned = await db
      .updateTable('deposits')
      .set({ status: 'returned', note })
      .where('id', '=', deposit.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return outcomeOf(returned, app, 'unchanged', `refund of ${amount.toFixed()} yen recorded`);
  }
  if (app.status !== 'billed')
    throw InputError.one(
      'decision',
      'deposit.statement_not_billed',
      `the statement is ${app.status}: refund this deposit instead`,
      { status: app.status },
    );
  const problem = prepaidAmountProblem(amount);
  if (problem)
    throw InputError.one(
      'decision',
      'deposit.not_acceptable_as_credit',
      `${amount.toFixed()} yen cannot be accepted as credit: ${problem.message}; refund it or wait for the rest`,
      { amount: amount.toFixed(), reason: problem.code },
    );
  const accepted = await db
    .updateTable('deposits')
    .set({ status: 'confirmed', note })
    .where('id', '=', deposit.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const due = await markPaid(db, app, accepted, amount, a);
  return {
    ...outcomeOf(
      accepted,
      app,
      'confirmed',
      `accepted as ${amount.toFixed()} yen of credit; the prepaid ID is due by ${due}`,
    ),
    issueDueDate: due,
  };
}
