import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { findOwedBill } from '../payments/owed';
import { recordBankReceipt } from '../payments/record';
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
  const bookFee = bill !== null && bill.status === 'final' && amount.plus(fee).equals(bill.outstanding);
  if (bookFee) {
    const transactionId = await postTransaction(db, {
      kind: 'bank_fee',
      memo: `transfer fee deducted from deposit ${deposit.bank_reference} for ${target.statementNumber}`,
      postedAt: at,
      postedBy: a.by,
      reference: `bill:${billId}`,
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
    });
    await db
      .insertInto('payments')
      .values({
        member_id: bill.memberId,
        cloud_account_id: bill.cloudAccountId,
        document_id: target.documentId,
        bill_id: billId,
        deposit_id: deposit.id,
        method: 'bank_fee',
        amount: yenToDb(fee),
        received_at: at,
        ledger_transaction_id: transactionId,
        created_at: at,
        value_date: deposit.value_date,
      })
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
  const paid = bookFee
    ? `paid, less a transfer fee of ¥${fee.toFixed()}`
    : receipt.outstanding === '0'
      ? 'paid'
      : `paid in part; ¥${receipt.outstanding} still owed`;
  return { outcome: 'matched', fee: bookFee ? fee : new Dec(0), message: `${target.statementNumber} ${paid}` };
}
