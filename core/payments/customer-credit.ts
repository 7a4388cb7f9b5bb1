import type { LedgerDb } from '../ledger/open-database';
import { postTransaction } from '../ledger/post';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';

/**
 * Issue 14: a member's credit (an excess deposit kept, customer_credit) pays their next bill when it is made:
 * oldest credit first, at most what the bill leaves to pay; one payments row (method customer_credit) and one
 * posting customer_credit / receivables, in the caller's transaction (the month close). Returns what it paid.
 */
export async function applyCustomerCredit(
  db: LedgerDb,
  bill: { billId: number; memberId: number; cloudAccountId: number; due: Dec; label: string },
  at: string,
  by: string | null,
): Promise<Dec> {
  if (!bill.due.greaterThan(0)) return new Dec(0);
  const credits = await db
    .selectFrom('customer_credits')
    .select(['id', 'remaining'])
    .where('member_id', '=', bill.memberId)
    .where('remaining', '>', 0)
    .orderBy('id')
    .execute();
  let left = bill.due;
  for (const c of credits) {
    if (left.isZero()) break;
    const take = Dec.min(yenFromDb(c.remaining), left);
    left = left.minus(take);
    await db
      .updateTable('customer_credits')
      .set({ remaining: c.remaining - yenToDb(take) })
      .where('id', '=', c.id)
      .execute();
  }
  const used = bill.due.minus(left);
  if (used.isZero()) return used;
  const who = { memberId: bill.memberId, cloudAccountId: bill.cloudAccountId };
  const transactionId = await postTransaction(db, {
    kind: 'payment',
    memo: `${bill.label} paid from the member's credit`,
    postedAt: at,
    postedBy: by,
    reference: `bill:${bill.billId}`,
    lines: [
      { account: 'customer_credit', side: 'debit', amount: used, ...who },
      { account: 'receivables', side: 'credit', amount: used, ...who },
    ],
  });
  await db
    .insertInto('payments')
    .values({
      member_id: bill.memberId,
      cloud_account_id: bill.cloudAccountId,
      document_id: null,
      bill_id: bill.billId,
      deposit_id: null,
      method: 'customer_credit',
      amount: yenToDb(used),
      received_at: at,
      ledger_transaction_id: transactionId,
      created_at: at,
      value_date: null,
    })
    .execute();
  return used;
}
