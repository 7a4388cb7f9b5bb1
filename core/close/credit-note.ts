import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { formatDate, jstToday, monthOfDate } from '../time';
import { renderCreditNote, type CreditNoteData, type MonthlyStatementData } from '../documents';
import { sellerAsOf } from '../parties';
import { archivedPdf } from '../documents/archive-store';
import { issueDocument } from '../documents/document-store';
import { nextDocumentNumber } from '../ledger/counters';
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
    .select(['subtotal', 'tax_rate', 'tax_mode'])
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
  const today = jstToday(now);
  const month = monthOfDate(today).key;
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
  const statement = await db
    .selectFrom('documents')
    .select(['id', 'number', 'content', 'member_id'])
    .where('bill_id', '=', bill.id)
    .where('kind', '=', 'statement')
    .executeTakeFirstOrThrow();
  const original = JSON.parse(statement.content) as MonthlyStatementData;
  const number = await nextDocumentNumber(db, 'credit_note', today.year);
  // R-TAX-4: the return of a qualified invoice is a qualified return invoice (適格返還請求書).
  const data: CreditNoteData = {
    number,
    issueDate: formatDate(today),
    addressee: original.addressee,
    memberId: original.memberId,
    account: original.account,
    original: { number: statement.number, issueDate: original.issueDate, month: original.month },
    qualified: row.tax_mode === 'per_invoice',
    reason,
    taxRate: row.tax_rate,
    subtotal: subtotal.toFixed(),
    tax: tax.toFixed(),
    total: total.toFixed(),
  };
  const documentId = await issueDocument(db, {
    kind: 'credit_note',
    number,
    memberId: bill.memberId,
    cloudAccountId: bill.cloudAccountId,
    billId: bill.id,
    relatedDocumentId: statement.id,
    issuedAt: at,
    subtotal: yenToDb(subtotal),
    tax: yenToDb(tax),
    total: yenToDb(total),
    content: data,
    createdBy: by,
    pdf: await renderCreditNote(data, await sellerAsOf(db, data.issueDate)),
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
      document_id: documentId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    creditNoteId: id,
    creditNoteNumber: number,
    billId: bill.id,
    month,
    subtotal: subtotal.toFixed(),
    tax: tax.toFixed(),
    total: total.toFixed(),
    transactionId,
  };
}

/** A credit note's PDF, rendered again from what was stored when it was issued, with the seller of that day. */
export async function creditNotePdf(db: LedgerDb, number: string): Promise<Buffer> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'content'])
    .where('kind', '=', 'credit_note')
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row)
    throw InputError.one('creditNoteNumber', 'credit_note.not_found', `no credit note ${number}`, {
      creditNoteNumber: number,
    });
  const kept = await archivedPdf(db, row.id);
  if (kept) return kept;
  const data = JSON.parse(row.content) as CreditNoteData;
  return renderCreditNote(data, await sellerAsOf(db, data.issueDate));
}
