import { DEFAULT_FEE_TOLERANCE } from '../banking';
import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { findOwedBill } from '../payments/owed';
import { parseDate } from '../time';
import { refuseFutureValueDate, valueDateOf } from '../payments/record';
import { settleDeposit, type Actor } from './settle';

export interface HandPaymentEntry {
  statementNumber: string;
  amount: string;
  valueDate: string;
  bankReference: string;
  payerKana?: string;
  feeTolerance?: Dec;
}

export interface HandPayment {
  paid: 'monthly_bill';
  outcome: 'confirmed' | 'unchanged';
  depositId: number;
  bankReference: string;
  statementNumber: string;
  amount: string;
  /** What was owed before this payment. */
  expected: string;
  /** What is still owed after it. */
  outstanding: string;
  fee: string;
  status: string;
  issueDueDate: null;
  message: string;
}

/**
 * Issue 14: a transfer for a monthly bill typed in by accounting (入金の確認), for any final bill with something
 * owed, whatever its method: in full or in part, with the bank import's fee rule (R-RECON-3: a shortfall within
 * the tolerance is the payer's transfer fee, and the bill is paid). It is a deposit like an imported one (the
 * same bank reference is one deposit, a second entry changes nothing), settled by the same code, on its value
 * date (R-ACC-2).
 */
export async function recordHandPayment(db: LedgerDb, entry: HandPaymentEntry, a: Actor): Promise<HandPayment> {
  const bill = await findOwedBill(db, { statementNumber: entry.statementNumber }, 'statementNumber');
  const amount = new Dec(entry.amount);
  const who = { at: a.now.toISOString(), by: a.by };
  const day = parseDate(entry.valueDate) ?? undefined;
  refuseFutureValueDate(day, a.now);
  const valueDate = valueDateOf(day, who);
  const earlier = await db
    .selectFrom('deposits')
    .selectAll()
    .where('bank_reference', '=', entry.bankReference)
    .executeTakeFirst();
  if (earlier) {
    if (!yenFromDb(earlier.amount).equals(amount))
      throw InputError.one(
        'bankReference',
        'deposit.amount_differs',
        `${entry.bankReference} is already recorded for ${earlier.amount} yen, not ${entry.amount}`,
        { bankReference: entry.bankReference, recorded: earlier.amount, amount: entry.amount },
      );
    return {
      paid: 'monthly_bill',
      outcome: 'unchanged',
      depositId: earlier.id,
      bankReference: earlier.bank_reference,
      statementNumber: entry.statementNumber,
      amount: amount.toFixed(),
      expected: bill.outstanding.toFixed(),
      outstanding: bill.outstanding.toFixed(),
      fee: '0',
      status: earlier.status,
      issueDueDate: null,
      message: `deposit ${earlier.bank_reference} was already recorded (${earlier.status}); nothing changed`,
    };
  }
  if (bill.status !== 'final')
    throw InputError.one('statementNumber', 'bill.not_final', `bill ${entry.statementNumber} is not final yet`, {
      billId: bill.id,
    });
  if (bill.outstanding.isZero())
    throw InputError.one('statementNumber', 'bill.nothing_owed', `nothing is owed on ${entry.statementNumber}`, {
      billId: bill.id,
    });
  const shortfall = bill.outstanding.minus(amount);
  const tolerance = entry.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
  const fee = shortfall.greaterThan(0) && shortfall.lessThanOrEqualTo(tolerance) ? shortfall : new Dec(0);
  const deposit = await db
    .insertInto('deposits')
    .values({
      value_date: valueDate,
      amount: yenToDb(amount),
      payer_kana: entry.payerKana ?? '',
      bank_reference: entry.bankReference,
      source_digest: null,
      status: 'matched',
      matched_document_id: null,
      confirmed_at: null,
      confirmed_by: null,
      created_at: who.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const document = await db
    .selectFrom('documents')
    .select('id')
    .where('number', '=', entry.statementNumber)
    .where('kind', '=', 'statement')
    .executeTakeFirstOrThrow();
  const settled = await settleDeposit(
    db,
    { id: deposit.id, amount, bank_reference: entry.bankReference, value_date: valueDate },
    {
      statementNumber: entry.statementNumber,
      documentId: document.id,
      kind: 'monthly_bill',
      memberId: bill.memberId,
      billId: bill.id,
      amountDue: bill.outstanding,
    },
    fee,
    a,
  );
  const after = await findOwedBill(db, { billId: bill.id });
  return {
    paid: 'monthly_bill',
    outcome: 'confirmed',
    depositId: deposit.id,
    bankReference: entry.bankReference,
    statementNumber: entry.statementNumber,
    amount: amount.toFixed(),
    expected: bill.outstanding.toFixed(),
    outstanding: after.outstanding.toFixed(),
    fee: settled.fee.toFixed(),
    status: 'confirmed',
    issueDueDate: null,
    message: settled.message,
  };
}
