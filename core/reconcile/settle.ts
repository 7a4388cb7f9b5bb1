import { CompiledQuery, type Insertable } from 'kysely';
import { advanceToInstant, type Advanced, type DunningState } from '../dunning/advance';
import {
  loadDunningFactsOf,
  loadDunningStates,
  paymentFactOf,
  saveProgress,
  writeAdvance,
} from '../dunning/advance-store';
import { InputError } from '../errors';
import { engineOf } from '../ledger/dialect';
import { insertRows, statementRows } from '../ledger/insert-rows';
import type { LedgerDb } from '../ledger/open-database';
import { postTransaction, postTransactions, type Posting } from '../ledger/post';
import type { PaymentsTable } from '../ledger/schema';
import { yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { afterPayment, findOwedBill, findOwedBills, type OwedBill } from '../payments/owed';
import { finalBill, paymentPosting, paymentRow, recordBankReceipt, valueDateOf } from '../payments/record';
import { confirmDeposit } from '../prepaid/deposits';
import { parseDate } from '../time';
import type { OpenTarget } from './open-items';

export interface Actor {
  now: Date;
  by: string | null;
}

export interface ImportedDeposit {
  id: number;
  amount: Dec;
  bank_reference: string;
  /** JST date the bank credited it (R-ACC-2). */
  value_date: string;
}

export interface Settlement {
  /** matched: paid (in full, or in part for a bill); held: the prepaid statement's rule holds it for a decision. */
  outcome: 'matched' | 'held';
  fee: Dec;
  message: string;
}

/**
 * Settles a deposit against what it pays through the SAME code as a manual entry, so the ledger cannot tell an
 * imported deposit from a typed one: the prepaid deposit confirmation (bank / prepaid_liability) for a prepaid
 * statement, the bank receipt (bank / receivables) for a monthly bill. Runs in the caller's transaction.
 *
 * R-RECON-3 (decision): a shortfall accepted as the payer's transfer fee is booked as fees / receivables (a
 * bill: the bill is then settled in full) or fees / prepaid_liability (a prepaid statement: the member gets the
 * credit the statement sold).
 */
export async function settleDeposit(
  db: LedgerDb,
  deposit: ImportedDeposit,
  target: OpenTarget,
  fee: Dec,
  a: Actor,
  from: 'bank' | 'suspense' = 'bank',
): Promise<Settlement> {
  if (target.kind === 'prepaid_statement') {
    const result = await confirmDeposit(
      db,
      { statementNumber: target.statementNumber, depositId: deposit.id },
      a,
      fee,
      from,
    );
    return {
      outcome: result.outcome === 'confirmed' ? 'matched' : 'held',
      fee: result.outcome === 'confirmed' ? fee : new Dec(0),
      message: result.message,
    };
  }
  const at = a.now.toISOString();
  const billId = target.billId!;
  const amount = deposit.amount;
  // A fee is booked only when the deposit and the fee together settle what is still owed.
  const hasFee = fee.isPositive() && !fee.isZero();
  const bill = hasFee ? await findOwedBill(db, { billId }) : null;
  const bookFee = bill !== null && takesFee(bill, amount, fee);
  if (bookFee) {
    const transactionId = await postTransaction(db, feePosting(deposit, target, bill, fee, a));
    await db
      .insertInto('payments')
      .values(feePaymentRow(deposit, target, bill, fee, a, transactionId))
      .execute();
  }
  // The receipt comes last: its status update sees the bill settled and lifts a restriction (R-DUN-4, R-DUN-5).
  const receipt = await recordBankReceipt(
    db,
    { billId },
    amount,
    { at, by: a.by },
    parseDate(deposit.value_date) ?? undefined,
    from,
  );
  if (receipt.paymentId !== null)
    await db.updateTable('payments').set({ deposit_id: deposit.id }).where('id', '=', receipt.paymentId).execute();
  await db
    .updateTable('deposits')
    .set({ status: 'confirmed', matched_document_id: target.documentId, confirmed_at: at, confirmed_by: a.by })
    .where('id', '=', deposit.id)
    .execute();
  return billSettlement(target, bookFee, fee, receipt.outstanding);
}

/** R-RECON-3: the shortfall is the payer's transfer fee when the deposit and the fee together settle the bill. */
function takesFee(bill: OwedBill, amount: Dec, fee: Dec): boolean {
  return bill.status === 'final' && amount.plus(fee).equals(bill.outstanding);
}

function feePosting(deposit: ImportedDeposit, target: OpenTarget, bill: OwedBill, fee: Dec, a: Actor): Posting {
  return {
    kind: 'bank_fee',
    memo: `transfer fee deducted from deposit ${deposit.bank_reference} for ${target.statementNumber}`,
    postedAt: a.now.toISOString(),
    postedBy: a.by,
    reference: `bill:${bill.id}`,
    valueDate: deposit.value_date,
    lines: [
      { account: 'fees', side: 'debit', amount: fee, memberId: bill.memberId, cloudAccountId: bill.cloudAccountId },
      {
        account: 'receivables',
        side: 'credit',
        amount: fee,
        memberId: bill.memberId,
        cloudAccountId: bill.cloudAccountId,
      },
    ],
  };
}

function feePaymentRow(
  deposit: ImportedDeposit,
  target: OpenTarget,
  bill: OwedBill,
  fee: Dec,
  a: Actor,
  transactionId: number,
): Insertable<PaymentsTable> {
  const at = a.now.toISOString();
  return {
    member_id: bill.memberId,
    cloud_account_id: bill.cloudAccountId,
    document_id: target.documentId,
    bill_id: bill.id,
    deposit_id: deposit.id,
    method: 'bank_fee',
    amount: yenToDb(fee),
    received_at: at,
    ledger_transaction_id: transactionId,
    created_at: at,
    value_date: deposit.value_date,
  };
}

function billSettlement(target: OpenTarget, bookFee: boolean, fee: Dec, outstanding: string): Settlement {
  const paid = bookFee
    ? `paid, less a transfer fee of ¥${fee.toFixed()}`
    : outstanding === '0'
      ? 'paid'
      : `paid in part; ¥${outstanding} still owed`;
  return { outcome: 'matched', fee: bookFee ? fee : new Dec(0), message: `${target.statementNumber} ${paid}` };
}

export interface DepositToSettle {
  deposit: ImportedDeposit;
  target: OpenTarget;
  fee: Dec;
}

/**
 * Settles imported deposits in order, leaving the ledger exactly as settleDeposit called for each in turn would
 * (the same rows, ids included), for a bank import's thousands of matches: a run of monthly bills is read in a
 * few queries (what is owed, the accounts' dunning state and facts), decided in memory and written as multi-row
 * inserts; a prepaid statement goes through settleDeposit itself, in its place. Runs in the caller's transaction;
 * a refused payment refuses the whole run before anything of it is written.
 */
export async function settleDeposits(
  db: LedgerDb,
  list: readonly DepositToSettle[],
  a: Actor,
  from: 'bank' | 'suspense' = 'bank',
): Promise<Settlement[]> {
  const out: Settlement[] = [];
  let start = 0;
  while (start < list.length) {
    const first = list[start]!;
    if (first.target.kind === 'prepaid_statement') {
      out.push(await settleDeposit(db, first.deposit, first.target, first.fee, a, from));
      start++;
      continue;
    }
    let end = start;
    while (end < list.length && list[end]!.target.kind !== 'prepaid_statement') end++;
    for (const s of await settleBills(db, list.slice(start, end), a, from)) out.push(s);
    start = end;
  }
  return out;
}

/** settleDeposit of monthly bills one after another, read once and written at once (see settleDeposits). */
async function settleBills(
  db: LedgerDb,
  list: readonly DepositToSettle[],
  a: Actor,
  from: 'bank' | 'suspense',
): Promise<Settlement[]> {
  const at = a.now.toISOString();
  const who = { at, by: a.by };
  const until = Date.parse(at);
  const bills = await findOwedBills(
    db,
    list.map((s) => s.target.billId!),
  );
  const accounts = [...new Set([...bills.values()].map((b) => b.cloudAccountId))];
  const states = await loadDunningStates(db, accounts);
  const facts = await loadDunningFactsOf(
    db,
    accounts.filter((id) => until > states.get(id)!.asOf),
  );
  const postings: Posting[] = [];
  const payments: { row: Insertable<PaymentsTable>; posting: number }[] = [];
  const settlements: Settlement[] = [];
  const touched = new Set<number>();
  const advances: { cloudAccountId: number; state: DunningState; advanced: Advanced }[] = [];
  const pay = (row: Insertable<PaymentsTable>, posting: Posting) => {
    postings.push(posting);
    payments.push({ row, posting: postings.length - 1 });
    // The payment is among the account's facts at its advance, as the ledger would show it then.
    const accountFacts = facts.get(row.cloud_account_id!);
    const billId = String(row.bill_id);
    if (
      accountFacts &&
      (accountFacts.statementBills.some((b) => b.billId === billId) ||
        accountFacts.cardChargeFailures.some((b) => b.billId === billId))
    )
      accountFacts.payments.push(
        paymentFactOf({
          bill_id: row.bill_id!,
          amount: row.amount,
          received_at: at,
          value_date: row.value_date ?? null,
        }),
      );
  };
  for (const { deposit, target, fee } of list) {
    const billId = target.billId!;
    let bill = bills.get(billId);
    if (!bill) throw InputError.one('billId', 'bill.not_found', `no bill ${billId}`, { bill: billId });
    const amount = deposit.amount;
    const bookFee = fee.isPositive() && !fee.isZero() && takesFee(bill, amount, fee);
    if (bookFee) {
      pay(feePaymentRow(deposit, target, bill, fee, a, 0), feePosting(deposit, target, bill, fee, a));
      bill = afterPayment(bill, fee);
    }
    finalBill(bill, 'billId');
    const method = 'bank_transfer';
    const valueDate = valueDateOf(parseDate(deposit.value_date) ?? undefined, who);
    const posting = paymentPosting(bill, method, amount, who, 'amount', valueDate, from);
    pay(paymentRow(bill, method, amount, who, valueDate, 0, deposit.id), posting);
    settlements.push(billSettlement(target, bookFee, fee, bill.outstanding.minus(amount).toFixed()));
    bills.set(billId, afterPayment(bill, amount));
    // Only an account's first advance at this instant does anything: it brings the account up to it.
    if (!touched.has(bill.cloudAccountId)) {
      touched.add(bill.cloudAccountId);
      const state = states.get(bill.cloudAccountId)!;
      if (until > state.asOf)
        advances.push({
          cloudAccountId: bill.cloudAccountId,
          state,
          advanced: advanceToInstant(state, facts.get(bill.cloudAccountId)!, until),
        });
    }
  }

  const ids = await postTransactions(db, postings);
  await insertRows(
    db,
    'payments',
    PAYMENT_COLUMNS,
    payments.map((p) => ({ ...p.row, ledger_transaction_id: ids[p.posting]! })),
  );
  await confirmDeposits(
    db,
    list.map(({ deposit, target }) => [deposit.id, target.documentId]),
    at,
    a.by,
  );
  for (const { cloudAccountId, state, advanced } of advances)
    await writeAdvance(db, cloudAccountId, state, advanced, at);
  await saveProgress(
    db,
    advances.map((x) => ({ cloudAccountId: x.cloudAccountId, asOf: x.advanced.state.asOf })),
  );
  return settlements;
}

/** Deposits confirmed per UPDATE statement at most. */
const CONFIRM_PER_STATEMENT = 1_000;

/**
 * settleDeposit's update of each deposit (confirmed, the document it paid, when and by whom), for many deposits
 * in a few statements: `update … from (values …)`, which SQLite and PostgreSQL read alike (the values' columns are
 * column1, column2 in both), of the few sizes insertRows uses (D-LEDGER-6). Ten thousand one-row updates cost a
 * bank import as much as inserting its 36,000 postings and payments.
 */
async function confirmDeposits(
  db: LedgerDb,
  deposits: readonly (readonly [depositId: number, documentId: number])[],
  at: string,
  by: string | null,
): Promise<void> {
  const postgres = engineOf(db) === 'postgres';
  for (let start = 0, count = 0; start < deposits.length; start += count) {
    count = statementRows(deposits.length - start, CONFIRM_PER_STATEMENT);
    let n = 3;
    const mark = () => (postgres ? `$${++n}` : '?');
    const values: string[] = [];
    const parameters: unknown[] = ['confirmed', at, by];
    for (let i = start; i < start + count; i++) {
      values.push(`(cast(${mark()} as integer), cast(${mark()} as integer))`);
      parameters.push(deposits[i]![0], deposits[i]![1]);
    }
    const [p1, p2, p3] = postgres ? ['$1', '$2', '$3'] : ['?', '?', '?'];
    await db.executeQuery(
      CompiledQuery.raw(
        `update "deposits" set "status" = ${p1}, "confirmed_at" = ${p2}, "confirmed_by" = ${p3}, ` +
          `"matched_document_id" = v.column2 from (values ${values.join(', ')}) as v where "deposits"."id" = v.column1`,
        parameters,
      ),
    );
  }
}

const PAYMENT_COLUMNS = [
  'member_id',
  'cloud_account_id',
  'document_id',
  'bill_id',
  'deposit_id',
  'method',
  'amount',
  'received_at',
  'ledger_transaction_id',
  'created_at',
  'value_date',
] as const;
