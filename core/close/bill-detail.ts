import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';

export interface BillDetail {
  billId: number;
  statementNumber: string;
  month: string;
  account: string;
  memberNumber: string;
  memberName: string;
  paymentMethod: string | null;
  status: string;
  /** Yen, decimal strings. */
  subtotal: string;
  tax: string;
  total: string;
  prepaidApplied: string;
  amountDue: string;
  issuedAt: string;
  dueOn: string | null;
  payments: { amount: string; receivedAt: string; method: string }[];
  creditNotes: {
    creditNoteId: number;
    month: string;
    subtotal: string;
    tax: string;
    total: string;
    reason: string;
    createdAt: string;
  }[];
  /** What is still owed after payments and credit notes (never below 0), and the subtotal not yet credited. */
  outstanding: string;
  creditableSubtotal: string;
}

/** One bill by its statement number: its amounts, payments and credit notes (the bill page). */
export async function billDetail(db: LedgerDb, statementNumber: string): Promise<BillDetail> {
  const bill = await db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .select([
      'bills.id',
      'bills.month',
      'bills.status',
      'bills.payment_method',
      'bills.subtotal',
      'bills.tax',
      'bills.total',
      'bills.prepaid_applied',
      'bills.amount_due',
      'documents.number',
      'documents.issued_at',
      'documents.due_date',
      'cloud_accounts.code',
      'members.member_number',
      'members.name',
    ])
    .where('documents.kind', '=', 'statement')
    .where('documents.number', '=', statementNumber)
    .executeTakeFirst();
  if (!bill)
    throw InputError.one('statementNumber', 'statement.not_found', `no statement ${statementNumber}`, {
      statementNumber,
    });
  const payments = await db
    .selectFrom('payments')
    .select(['amount', 'received_at', 'method'])
    .where('bill_id', '=', bill.id)
    .orderBy('id')
    .execute();
  const credits = await db
    .selectFrom('credit_notes')
    .select(['id', 'month', 'subtotal', 'tax', 'total', 'reason', 'created_at'])
    .where('bill_id', '=', bill.id)
    .orderBy('id')
    .execute();
  const settled = [...payments.map((p) => p.amount), ...credits.map((c) => c.total)].reduce(
    (sum, v) => sum.plus(yenFromDb(v)),
    new Dec(0),
  );
  const owed = yenFromDb(bill.amount_due).minus(settled);
  const credited = credits.reduce((sum, c) => sum.plus(yenFromDb(c.subtotal)), new Dec(0));
  return {
    billId: bill.id,
    statementNumber: bill.number,
    month: bill.month,
    account: bill.code,
    memberNumber: bill.member_number,
    memberName: bill.name,
    paymentMethod: bill.payment_method,
    status: bill.status,
    subtotal: String(bill.subtotal),
    tax: String(bill.tax),
    total: String(bill.total),
    prepaidApplied: String(bill.prepaid_applied),
    amountDue: String(bill.amount_due),
    issuedAt: bill.issued_at,
    dueOn: bill.due_date,
    payments: payments.map((p) => ({ amount: String(p.amount), receivedAt: p.received_at, method: p.method })),
    creditNotes: credits.map((c) => ({
      creditNoteId: c.id,
      month: c.month,
      subtotal: String(c.subtotal),
      tax: String(c.tax),
      total: String(c.total),
      reason: c.reason,
      createdAt: c.created_at,
    })),
    outstanding: (owed.isNegative() ? new Dec(0) : owed).toFixed(),
    creditableSubtotal: yenFromDb(bill.subtotal).minus(credited).toFixed(),
  };
}
