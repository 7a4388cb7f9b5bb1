import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { sql } from 'kysely';
import { postTransaction } from '../ledger/post';
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
 *
 * The deposits are those import `importId` queued for review (its deposit_reviews rows), posted in the order of
 * their ids (the file's), written by two INSERT … SELECT statements from the rows the import stored: an import may
 * leave ~85,000 deposits in suspense, and making and binding their ~255,000 rows here cost more than the
 * database writing them. Each entry balances by construction (one amount, debit and credit); the import has
 * checked that every amount is a positive whole yen (the column holds whole yen).
 */
export async function postImportToSuspense(db: LedgerDb, importId: number, a: Actor): Promise<void> {
  const at = a.now.toISOString();
  await sql`
    insert into ledger_transactions (posted_at, kind, memo, posted_by, reference, value_date)
    select cast(${at} as text), 'deposit_suspense', 'deposit ' || d.bank_reference || ' waiting to be matched',
      cast(${a.by} as text),
      'deposit:' || cast(d.id as text), d.value_date
    from deposit_reviews r join deposits d on d.id = r.deposit_id
    where r.import_id = ${importId}
    order by d.id`.execute(db);
  // Each entry's bank line, then its suspense line, in the order of the entries.
  await sql`
    insert into ledger_entries (transaction_id, line_no, account, debit, credit, member_id, cloud_account_id)
    select t.id, side.line_no, side.account,
      case side.line_no when 1 then d.amount else 0 end, case side.line_no when 2 then d.amount else 0 end,
      null, null
    from deposit_reviews r
      join deposits d on d.id = r.deposit_id
      join ledger_transactions t on t.reference = 'deposit:' || cast(d.id as text) and t.kind = 'deposit_suspense'
      cross join (select 1 as line_no, 'bank' as account union all select 2, 'suspense') side
    where r.import_id = ${importId}
    order by t.id, side.line_no`.execute(db);
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
