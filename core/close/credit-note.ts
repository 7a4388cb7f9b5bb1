import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { jstToday, monthOfDate } from '../time';
import { findOwedBill, type BillRef } from '../payments/owed';

/**
 * A correction of a closed month's bill: never an edit of the bill, but a credit note in the current month
 * referencing it, posted as the bill's posting reversed for the amount credited (debit revenue and tax payable,
 * credit receivables). Decision: the amount is given before tax and its tax is floor(amount × the bill's
 * rate); it may not exceed what is left of the bill's subtotal after earlier credit notes.
 */
export async function issueCreditNote(
  db: LedgerDb,
  ref: BillRef,
  subtotal: Dec,
  reason: string,
  now: Date,
  by: string | null,
) {
  const bill = await findOwedBill(db, ref);
  if (bill.status !== 'final')
    throw InputError.one('billId', 'bill.not_final', `bill ${bill.id} is not final: its month is not closed yet`, {
      billId: bill.id,
    });
  const row = await db
    .selectFrom('bills')
    .select(['subtotal', 'tax_rate'])
    .where('id', '=', bill.id)
    .executeTakeFirstOrThrow();
  const earlier = await db
    .selectFrom('credit_notes')
    .select((eb) => eb.fn.sum<number>('subtotal').as('n'))
    .where('bill_id', '=', bill.id)
    .executeTakeFirst();
  const left = yenFromDb(row.subtotal).minus(yenFromDb(earlier?.n ?? null));
  if (subtotal.greaterThan(left))
    throw InputError.one(
      'amount',
      'credit_note.over_subtotal',
      `¥${subtotal.toFixed()} is more than the ¥${left.toFixed()} of the bill's subtotal not yet credited`,
      { amount: subtotal.toFixed(), left: left.toFixed() },
    );
  const tax = subtotal.times(row.tax_rate).floor();
  const total = subtotal.plus(tax);
  const month = monthOfDate(jstToday(now)).key;
  const at = now.toISOString();
  const who = { memberId: bill.memberId, cloudAccountId: bill.cloudAccountId };
  const lines = [
    {
      account: 'revenue',
      side: 'debit' as const,
      amount: subtotal,
      ...who,
    },
    ...(tax.isZero() ? [] : [{ account: 'tax_payable', side: 'debit' as const, amount: tax, ...who }]),
    { account: 'receivables', side: 'credit' as const, amount: total, ...who },
  ];
  const transactionId = await postTransaction(db, {
    kind: 'credit_note',
    memo: `credit note on ${bill.statementNumber ?? `bill ${bill.id}`}: ${reason}`,
    postedAt: at,
    postedBy: by,
    reference: `bill:${bill.id}`,
    lines,
  });
  const { id } = await db
    .insertInto('credit_notes')
    .values({
      bill_id: bill.id,
      month,
      subtotal: yenToDb(subtotal),
      tax: yenToDb(tax),
      total: yenToDb(total),
      reason,
      ledger_transaction_id: transactionId,
      created_at: at,
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    creditNoteId: id,
    billId: bill.id,
    month,
    subtotal: subtotal.toFixed(),
    tax: tax.toFixed(),
    total: total.toFixed(),
    transactionId,
  };
}
