import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';

export interface BillRef {
  /** A bill id, or the number of its statement (BIL-2026-000123). */
  billId?: number;
  statementNumber?: string;
}

export interface OwedBill {
  id: number;
  cloudAccountId: number;
  memberId: number;
  accountCode: string;
  month: string;
  method: string;
  status: string;
  statementNumber: string | null;
  /** JST date: due (bank transfer), debited (direct debit) or charged (credit card). */
  dueDate: string | null;
  amountDue: Dec;
  credited: Dec;
  paid: Dec;
  /** What is still owed: amount due − credit notes − payments. */
  outstanding: Dec;
}

function owedBillQuery(db: LedgerDb) {
  return db
    .selectFrom('bills')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .leftJoin('documents', (j) => j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'))
    .select([
      'bills.id',
      'bills.cloud_account_id',
      'cloud_accounts.member_id',
      'cloud_accounts.code',
      'bills.month',
      'bills.payment_method',
      'bills.status',
      'bills.amount_due',
      'documents.number',
      'documents.due_date',
    ]);
}

/** What is still owed: amount due − credit notes − payments, never below zero. */
function outstandingOf(amountDue: Dec, credited: Dec, paid: Dec): Dec {
  return Dec.max(amountDue.minus(credited).minus(paid), 0);
}

type OwedBillRow = Awaited<ReturnType<ReturnType<typeof owedBillQuery>['executeTakeFirstOrThrow']>>;

function owedBill(row: OwedBillRow, credited: number | string | null, paid: number | string | null): OwedBill {
  const amountDue = yenFromDb(row.amount_due);
  const c = yenFromDb(credited);
  const p = yenFromDb(paid);
  return {
    id: row.id,
    cloudAccountId: row.cloud_account_id,
    memberId: row.member_id,
    accountCode: row.code,
    month: row.month,
    method: row.payment_method ?? 'unknown',
    status: row.status,
    statementNumber: row.number,
    dueDate: row.due_date,
    amountDue,
    credited: c,
    paid: p,
    outstanding: outstandingOf(amountDue, c, p),
  };
}

/** The bill a payment or a correction names, with what is still owed on it. */
export async function findOwedBill(db: LedgerDb, ref: BillRef, path = 'billId'): Promise<OwedBill> {
  let query = owedBillQuery(db);
  if (ref.billId !== undefined) query = query.where('bills.id', '=', ref.billId);
  else if (ref.statementNumber !== undefined) query = query.where('documents.number', '=', ref.statementNumber);
  else throw InputError.one(path, 'bill.ref_required', 'name a bill by billId or statementNumber');
  const row = await query.executeTakeFirst();
  if (!row)
    throw InputError.one(
      ref.billId !== undefined ? 'billId' : 'statementNumber',
      'bill.not_found',
      `no bill ${ref.billId ?? ref.statementNumber}`,
      { bill: ref.billId ?? ref.statementNumber ?? '' },
    );
  const { credited, paid } = await creditedAndPaid(db, [row.id]);
  return owedBill(row, credited.get(row.id) ?? null, paid.get(row.id) ?? null);
}

/** findOwedBill of many bills by id, a few queries per 500 bills; a bill that does not exist is not in the map. */
export async function findOwedBills(db: LedgerDb, billIds: readonly number[]): Promise<Map<number, OwedBill>> {
  const found = new Map<number, OwedBill>();
  const ids = [...new Set(billIds)];
  for (let i = 0; i < ids.length; i += BILLS_PER_QUERY) {
    const part = ids.slice(i, i + BILLS_PER_QUERY);
    const rows = await owedBillQuery(db).where('bills.id', 'in', part).execute();
    const { credited, paid } = await creditedAndPaid(db, part);
    for (const row of rows)
      if (!found.has(row.id)) found.set(row.id, owedBill(row, credited.get(row.id) ?? null, paid.get(row.id) ?? null));
  }
  return found;
}

/** The credit notes' and payments' totals of each bill that has any, as the database sums them. */
async function creditedAndPaid(db: LedgerDb, billIds: readonly number[]) {
  const credited = await db
    .selectFrom('credit_notes')
    .select((eb) => ['bill_id', eb.fn.sum<number>('total').as('n')])
    .where('bill_id', 'in', billIds)
    .groupBy('bill_id')
    .execute();
  const paid = await db
    .selectFrom('payments')
    .select((eb) => ['bill_id', eb.fn.sum<number>('amount').as('n')])
    .where('bill_id', 'in', billIds)
    .groupBy('bill_id')
    .execute();
  return {
    credited: new Map(credited.map((c) => [c.bill_id, c.n])),
    paid: new Map(paid.map((p) => [p.bill_id, p.n])),
  };
}

const BILLS_PER_QUERY = 500;

/** The bill as findOwedBill reads it once a payment of `amount` more is recorded against it. */
export function afterPayment(bill: OwedBill, amount: Dec): OwedBill {
  const paid = bill.paid.plus(amount);
  return { ...bill, paid, outstanding: outstandingOf(bill.amountDue, bill.credited, paid) };
}
