import { InputError, type FieldProblem } from '../errors';
import {
  cardExpiryProblems,
  firstBillingMonthForChange,
  paymentMethodForMonth,
  paymentMethodProblems,
  type ArrearsPaymentMethod,
  type PartyKind,
} from '../billing';
import type { LedgerDb } from '../ledger/open-database';
import type { MemberKind } from '../ledger/schema';
import { formatDate, parseDate, type BillingMonth, type CalendarDate } from '../time';

export interface CardDetails {
  brand: string;
  last4: string;
  /** MM/YY */
  expiry: string;
}

export interface PaymentMethodRegistration {
  cloudAccountId: number;
  memberKind: MemberKind;
  method: ArrearsPaymentMethod;
  card?: CardDetails;
  /** JST date the card was authorised or the signed form was received (R-BILL-5). */
  receivedOn: CalendarDate;
  at: string;
  by: string | null;
}

/**
 * Decision: an account with no method registered pays a corporation's way by bank transfer statement and an
 * individual's by credit card (the only method an individual may use, R-PARTY-3). Reason: a statement can be
 * issued to any corporation without anything signed, and an individual has no other method.
 */
export function defaultPaymentMethod(kind: PartyKind): ArrearsPaymentMethod {
  return kind === 'individual' ? 'credit_card' : 'bank_transfer';
}

/** R-PARTY-3 and R-BILL-2: what is wrong with a registration, each problem naming its field. */
export function registrationProblems(
  r: Omit<PaymentMethodRegistration, 'at' | 'by' | 'cloudAccountId'>,
): FieldProblem[] {
  const problems = paymentMethodProblems(r.memberKind, r.method, 'method');
  if (r.method === 'credit_card') {
    if (!r.card)
      problems.push({
        path: 'card',
        code: 'card.details_required',
        message: 'a credit card needs its brand, last four digits and expiry',
      });
    else problems.push(...cardExpiryProblems(r.card.expiry, r.receivedOn, 'card.expiry'));
  } else if (r.card) {
    problems.push({
      path: 'card',
      code: 'card.details_not_allowed',
      params: { method: r.method },
      message: `only a credit card has card details, not ${r.method}`,
    });
  }
  return problems;
}

/** Records a method registered or changed; it pays from the billing month R-BILL-5 gives. */
export async function registerPaymentMethod(
  db: LedgerDb,
  r: PaymentMethodRegistration,
): Promise<{ id: number; firstMonth: string }> {
  const problems = registrationProblems(r);
  if (problems.length > 0) throw new InputError(problems);
  const firstMonth = firstBillingMonthForChange(r.method, r.receivedOn).key;
  const { id } = await db
    .insertInto('payment_methods')
    .values({
      cloud_account_id: r.cloudAccountId,
      method: r.method,
      card_brand: r.card?.brand ?? null,
      card_last4: r.card?.last4 ?? null,
      card_expiry: r.card?.expiry ?? null,
      received_on: formatDate(r.receivedOn),
      first_month: firstMonth,
      recorded_at: r.at,
      recorded_by: r.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, firstMonth };
}

export interface StoredMethod {
  method: ArrearsPaymentMethod;
  receivedOn: string;
  cardBrand: string | null;
  cardLast4: string | null;
}

/** Every registration per cloud account id, in the order received (bulk, for the close). */
export async function paymentMethodHistory(
  db: LedgerDb,
  cloudAccountIds?: number[],
): Promise<Map<number, StoredMethod[]>> {
  // No accounts asked for: none read (an empty `in ()` is SQLite's leniency, an error on PostgreSQL).
  if (cloudAccountIds?.length === 0) return new Map();
  let query = db
    .selectFrom('payment_methods')
    .select(['cloud_account_id', 'method', 'received_on', 'card_brand', 'card_last4'])
    .orderBy('id');
  if (cloudAccountIds) query = query.where('cloud_account_id', 'in', cloudAccountIds);
  const out = new Map<number, StoredMethod[]>();
  for (const row of await query.execute()) {
    const list = out.get(row.cloud_account_id) ?? [];
    list.push({
      method: row.method,
      receivedOn: row.received_on,
      cardBrand: row.card_brand,
      cardLast4: row.card_last4,
    });
    out.set(row.cloud_account_id, list);
  }
  return out;
}

/** R-BILL-5: the method paying a month's bill, and the card it is charged to (the latest registered before). */
export function methodInForce(
  kind: PartyKind,
  history: StoredMethod[],
  month: BillingMonth,
): { method: ArrearsPaymentMethod; card: StoredMethod | null } {
  const changes = history.map((h) => ({ to: h.method, receivedOn: parseDate(h.receivedOn)! }));
  const method = paymentMethodForMonth(defaultPaymentMethod(kind), changes, month);
  const cards = history.filter((h) => h.method === 'credit_card');
  return { method, card: method === 'credit_card' ? (cards[cards.length - 1] ?? null) : null };
}
