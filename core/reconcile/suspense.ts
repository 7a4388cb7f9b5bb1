import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import type { Insertable } from 'kysely';
import { ENTRY_COLUMNS, postTransaction, TRANSACTION_COLUMNS } from '../ledger/post';
import { insertRows } from '../ledger/insert-rows';
import type { LedgerEntriesTable } from '../ledger/schema';
import { yenFromDb, yenToDb } from '../ledger/yen';
import type { Dec } from '../money';
import { formatDate, type CalendarDate } from '../time';
import type { Actor } from './settle';

export interface SuspenseDeposit {
  id: number;
  amount: Dec;
  bankReference: string;
  /** JST date the bank credited it. */
  valueDate: string;
}

/**
 * R-ACC-1: a deposit of a bank file that is not matched at import is still money at the bank: posted bank /
 * suspense (仮受金) on its value date, one journal entry per deposit (reference `deposit:ID`), so the ledger's
 * bank follows the bank statement. Confirming, splitting or refunding it later takes it out of suspense.
 * Written as multi-row inserts, not through postTransaction one by one: an import may leave tens of thousands in
 * suspense; each entry balances by construction (one positive amount, debit and credit).
 */
export async function postToSuspense(db: LedgerDb, deposits: SuspenseDeposit[], a: Actor): Promise<void> {
  const at = a.now.toISOString();
  for (const d of deposits)
    if (!d.amount.isInteger() || !d.amount.greaterThan(0))
      throw new Error(`deposit ${d.id}: ${d.amount.toFixed()} is not a positive whole yen amount`);
  const ids = await insertRows(
    db,
    'ledger_transactions',
    TRANSACTION_COLUMNS,
    deposits.map((d) => ({
      posted_at: at,
      kind: 'deposit_suspense',
      memo: `deposit ${d.bankReference} waiting to be matched`,
      posted_by: a.by,
      reference: `deposit:${d.id}`,
      value_date: d.valueDate,
    })),
    { returning: true },
  );
  const entries: Insertable<LedgerEntriesTable>[] = [];
  deposits.forEach((d, i) => {
    const amount = yenToDb(d.amount);
    const transaction_id = ids[i]!;
    entries.push(
      {
        transaction_id,
        line_no: 1,
        account: 'bank',
        debit: amount,
        credit: 0,
        member_id: null,
        cloud_account_id: null,
      },
      {
        transaction_id,
        line_no: 2,
        account: 'suspense',
        debit: 0,
        credit: amount,
        member_id: null,
        cloud_account_id: null,
      },
    );
  });
  await insertRows(db, 'ledger_entries', ENTRY_COLUMNS, entries);
}

/** Money of a deposit in suspense to pay back to its payer: suspense / refunds_payable, and a refund to pay. */
export async function refundFromSuspense(
  db: LedgerDb,
  d: SuspenseDeposit,
  amount: Dec,
  memberId: number | null,
  reason: string,
  a: Actor,
): Promise<number> {
  const at = a.now.toISOString();
  await postTransaction(db, {
    kind: 'deposit_refund_due',
    memo: `refund due of deposit ${d.bankReference}: ${reason}`,
    postedAt: at,
    postedBy: a.by,
    reference: `deposit:${d.id}`,
    lines: [
      { account: 'suspense', side: 'debit', amount, memberId },
      { account: 'refunds_payable', side: 'credit', amount, memberId },
    ],
  });
  const { id } = await db
    .insertInto('deposit_refunds')
    .values({
      deposit_id: d.id,
      member_id: memberId,
      amount: yenToDb(amount),
      reason,
      status: 'to_pay',
      created_at: at,
      created_by: a.by,
      paid_on: null,
      paid_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Money of a deposit in suspense kept as the member's credit: suspense / customer_credit (預り金). */
export async function creditFromSuspense(
  db: LedgerDb,
  d: SuspenseDeposit,
  amount: Dec,
  memberId: number,
  note: string,
  a: Actor,
): Promise<number> {
  const at = a.now.toISOString();
  await postTransaction(db, {
    kind: 'customer_credit',
    memo: `deposit ${d.bankReference} kept as credit: ${note}`,
    postedAt: at,
    postedBy: a.by,
    reference: `deposit:${d.id}`,
    lines: [
      { account: 'suspense', side: 'debit', amount, memberId },
      { account: 'customer_credit', side: 'credit', amount, memberId },
    ],
  });
  const { id } = await db
    .insertInto('customer_credits')
    .values({
      member_id: memberId,
      deposit_id: d.id,
      amount: yenToDb(amount),
      remaining: yenToDb(amount),
      note,
      created_at: at,
      created_by: a.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A refund paid out of the bank on `paidOn`: refunds_payable / bank. Idempotent: a paid refund is refused. */
export async function payOutRefund(
  db: LedgerDb,
  refundId: number,
  paidOn: CalendarDate,
  a: Actor,
): Promise<{ refundId: number; amount: string; paidOn: string }> {
  const row = await db.selectFrom('deposit_refunds').selectAll().where('id', '=', refundId).executeTakeFirst();
  if (!row) throw InputError.one('refundId', 'refund.not_found', `no refund ${refundId}`, { refundId });
  if (row.status === 'paid')
    throw InputError.one('refundId', 'refund.already_paid', `refund ${refundId} was paid on ${row.paid_on}`, {
      refundId,
      paidOn: row.paid_on ?? '',
    });
  const amount = yenFromDb(row.amount);
  const day = formatDate(paidOn);
  await postTransaction(db, {
    kind: 'refund_paid',
    memo: `refund ${refundId} paid out`,
    postedAt: a.now.toISOString(),
    postedBy: a.by,
    reference: `deposit:${row.deposit_id}`,
    valueDate: day,
    lines: [
      { account: 'refunds_payable', side: 'debit', amount, memberId: row.member_id },
      { account: 'bank', side: 'credit', amount, memberId: row.member_id },
    ],
  });
  await db
    .updateTable('deposit_refunds')
    .set({ status: 'paid', paid_on: day, paid_by: a.by })
    .where('id', '=', refundId)
    .execute();
  return { refundId, amount: amount.toFixed(), paidOn: day };
}

export interface RefundView {
  refundId: number;
  depositId: number;
  valueDate: string;
  payer: string;
  memberNumber: string | null;
  memberName: string | null;
  amount: string;
  reason: string;
  status: 'to_pay' | 'paid';
  paidOn: string | null;
}

/** Refunds to pay out (or paid), oldest first. */
export async function listRefunds(db: LedgerDb, status?: 'to_pay' | 'paid'): Promise<RefundView[]> {
  let q = db
    .selectFrom('deposit_refunds')
    .innerJoin('deposits', 'deposits.id', 'deposit_refunds.deposit_id')
    .leftJoin('members', 'members.id', 'deposit_refunds.member_id')
    .select([
      'deposit_refunds.id',
      'deposit_refunds.deposit_id',
      'deposits.value_date',
      'deposits.payer_kana',
      'members.member_number',
      'members.name',
      'deposit_refunds.amount',
      'deposit_refunds.reason',
      'deposit_refunds.status',
      'deposit_refunds.paid_on',
    ])
    .orderBy('deposit_refunds.id');
  if (status) q = q.where('deposit_refunds.status', '=', status);
  return (await q.execute()).map((r) => ({
    refundId: r.id,
    depositId: r.deposit_id,
    valueDate: r.value_date,
    payer: r.payer_kana,
    memberNumber: r.member_number,
    memberName: r.name,
    amount: yenFromDb(r.amount).toFixed(),
    reason: r.reason,
    status: r.status,
    paidOn: r.paid_on,
  }));
}
