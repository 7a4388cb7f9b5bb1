import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import type { Insertable } from 'kysely';
import { postTransaction, type Posting } from '../ledger/post';
import type { PaymentsTable } from '../ledger/schema';
import { yenToDb } from '../ledger/yen';
import type { Dec } from '../money';
import { formatDate, jstMidnight, jstToday, parseDate, type CalendarDate } from '../time';
import { advanceAccount, rewindForLateFact, type AppliedTransition } from '../dunning/advance-store';
import { findOwedBill, type BillRef, type OwedBill } from './owed';

export interface RecordedPayment {
  paymentId: number | null;
  billId: number;
  statementNumber: string | null;
  amount: string;
  outstanding: string;
  /** Status changes the payment caused at once (a lift, R-DUN-4 / R-DUN-5). */
  transitions: AppliedTransition[];
}

export interface Who {
  at: string;
  by: string | null;
}

/** R-ACC-2: the day the money moved, as YYYY-MM-DD: the given day, or the day it is recorded (JST). */
export function valueDateOf(given: CalendarDate | undefined, who: Who): string {
  return formatDate(given ?? jstToday(new Date(who.at)));
}

export function finalBill(bill: OwedBill, path: string): void {
  if (bill.status !== 'final')
    throw InputError.one(path, 'bill.not_final', `bill ${bill.id} is not final yet: its month is still being closed`, {
      billId: bill.id,
    });
}

/** A day typed in as the day money moved cannot be after the day it is recorded (JST). */
export function refuseFutureValueDate(given: CalendarDate | undefined, now: Date, path = 'valueDate'): void {
  if (!given) return;
  const today = formatDate(jstToday(now));
  if (formatDate(given) > today)
    throw InputError.one(path, 'payment.value_date_future', `${formatDate(given)} is after today (${today})`, {
      valueDate: formatDate(given),
      today,
    });
}

/**
 * The posting of money received against a bill (debit bank, credit receivables), checked against what is owed.
 * Decision: more than is owed is refused (an overpayment is a bank deposit for the banking module to hold, not a
 * payment of this bill).
 */
export function paymentPosting(
  bill: OwedBill,
  method: string,
  amount: Dec,
  who: Who,
  path: string,
  valueDate: string,
  from: PaidFrom = 'bank',
): Posting {
  if (amount.greaterThan(bill.outstanding))
    throw InputError.one(
      path,
      'payment.over_outstanding',
      `¥${amount.toFixed()} is more than the ¥${bill.outstanding.toFixed()} still owed on ${bill.statementNumber ?? `bill ${bill.id}`}`,
      {
        amount: amount.toFixed(),
        outstanding: bill.outstanding.toFixed(),
        billId: bill.id,
        statementNumber: bill.statementNumber ?? '',
      },
    );
  const lines = [
    { account: from, side: 'debit' as const, amount, memberId: bill.memberId, cloudAccountId: bill.cloudAccountId },
    {
      account: 'receivables',
      side: 'credit' as const,
      amount,
      memberId: bill.memberId,
      cloudAccountId: bill.cloudAccountId,
    },
  ];
  return {
    kind: 'payment',
    memo: `${bill.accountCode} ${bill.month} ${method}`,
    postedAt: who.at,
    postedBy: who.by,
    reference: `bill:${bill.id}`,
    valueDate,
    lines,
  };
}

/** The payments row of a payment posted by paymentPosting. */
export function paymentRow(
  bill: OwedBill,
  method: string,
  amount: Dec,
  who: Who,
  valueDate: string,
  transactionId: number,
  depositId: number | null = null,
): Insertable<PaymentsTable> {
  return {
    member_id: bill.memberId,
    cloud_account_id: bill.cloudAccountId,
    document_id: null,
    bill_id: bill.id,
    deposit_id: depositId,
    method,
    amount: yenToDb(amount),
    received_at: who.at,
    ledger_transaction_id: transactionId,
    created_at: who.at,
    value_date: valueDate,
  };
}

/**
 * Money received against a bill: a payments row and its posting (paymentPosting) in the caller's transaction;
 * then the account's status is brought to this instant, so a settling payment lifts a restriction at once
 * (R-DUN-4, R-DUN-5).
 */
async function recordPayment(
  db: LedgerDb,
  bill: OwedBill,
  method: string,
  amount: Dec,
  who: Who,
  path: string,
  valueDate: string,
  from: PaidFrom = 'bank',
): Promise<RecordedPayment> {
  const transactionId = await postTransaction(db, paymentPosting(bill, method, amount, who, path, valueDate, from));
  const { id } = await db
    .insertInto('payments')
    .values(paymentRow(bill, method, amount, who, valueDate, transactionId))
    .returning('id')
    .executeTakeFirstOrThrow();
  const transitions = await advanceAccount(db, bill.cloudAccountId, Date.parse(who.at), who.at);
  return {
    paymentId: id,
    billId: bill.id,
    statementNumber: bill.statementNumber,
    amount: amount.toFixed(),
    outstanding: bill.outstanding.minus(amount).toFixed(),
    transitions,
  };
}

async function recordAttempt(
  db: LedgerDb,
  bill: OwedBill,
  method: string,
  outcome: 'paid' | 'failed',
  on: CalendarDate,
  reason: string | null,
  who: Who,
): Promise<void> {
  const attemptedOn = formatDate(on);
  const earlier = await db
    .selectFrom('collection_attempts')
    .select('id')
    .where('bill_id', '=', bill.id)
    .where('attempted_on', '=', attemptedOn)
    .executeTakeFirst();
  if (earlier)
    throw InputError.one(
      'on',
      'payment.attempt_recorded',
      `a ${method} attempt on ${attemptedOn} is already recorded for bill ${bill.id}`,
      { method, on: attemptedOn, billId: bill.id },
    );
  await db
    .insertInto('collection_attempts')
    .values({
      bill_id: bill.id,
      method,
      outcome,
      attempted_on: attemptedOn,
      reason,
      recorded_at: who.at,
      recorded_by: who.by,
    })
    .execute();
}

export interface CollectionResult {
  ref: BillRef;
  outcome: 'paid' | 'failed';
  on: CalendarDate;
  reason?: string;
}

/**
 * A card charge (R-BILL-2) or a direct debit (R-BILL-4) and its result. Paid: the outstanding amount is
 * received. Failed: recorded; a failed card charge starts the bill's dunning clock (R-DUN-1), a failed debit
 * simply leaves the bill unpaid past its debit date (R-DUN-5).
 */
export async function recordCollection(
  db: LedgerDb,
  method: 'credit_card' | 'direct_debit',
  r: CollectionResult,
  who: Who,
): Promise<RecordedPayment> {
  const bill = await findOwedBill(db, r.ref);
  finalBill(bill, 'billId');
  if (bill.method !== method)
    throw InputError.one('billId', 'bill.other_method', `bill ${bill.id} is paid by ${bill.method}, not ${method}`, {
      billId: bill.id,
      method: bill.method,
      expected: method,
    });
  if (bill.outstanding.isZero())
    throw InputError.one('billId', 'bill.nothing_owed', `nothing is owed on bill ${bill.id}`, { billId: bill.id });
  await recordAttempt(db, bill, method, r.outcome, r.on, r.reason ?? null, who);
  if (r.outcome === 'paid')
    return recordPayment(db, bill, method, bill.outstanding, who, 'billId', valueDateOf(r.on, who));
  const chargedOn = parseDate(bill.dueDate);
  if (method === 'credit_card' && chargedOn) await rewindForLateFact(db, bill.cloudAccountId, jstMidnight(chargedOn));
  const transitions = await advanceAccount(db, bill.cloudAccountId, Date.parse(who.at), who.at);
  return {
    paymentId: null,
    billId: bill.id,
    statementNumber: bill.statementNumber,
    amount: '0',
    outstanding: bill.outstanding.toFixed(),
    transitions,
  };
}

/**
 * Where the money of a payment is taken from: the bank (received now), suspense (a deposit posted at import and
 * matched later, R-ACC-1) or the member's credit (an excess kept from an earlier deposit).
 */
export type PaidFrom = 'bank' | 'suspense' | 'customer_credit';

/**
 * A bank transfer received for a bill (whatever its method: a failed card bill may be settled this way), on the
 * day the bank credited it (R-ACC-2; default the day it is recorded).
 */
export async function recordBankReceipt(
  db: LedgerDb,
  ref: BillRef,
  amount: Dec,
  who: Who,
  valueDate?: CalendarDate,
  from: PaidFrom = 'bank',
): Promise<RecordedPayment> {
  const bill = await findOwedBill(db, ref);
  finalBill(bill, 'billId');
  const method = from === 'customer_credit' ? 'customer_credit' : 'bank_transfer';
  return recordPayment(db, bill, method, amount, who, 'amount', valueDateOf(valueDate, who), from);
}
