import type { FieldProblem } from '../errors';
import { addMonths, billingMonth, compareDates, type BillingMonth, type CalendarDate } from '../time';

/** How a cloud account pays in arrears (R-BILL-2..4). */
export const ARREARS_PAYMENT_METHODS = ['credit_card', 'bank_transfer', 'direct_debit'] as const;
export type ArrearsPaymentMethod = (typeof ARREARS_PAYMENT_METHODS)[number];

/** Every method a member may choose, prepaid included (R-PRE-1). */
export const PAYMENT_METHODS = [...ARREARS_PAYMENT_METHODS, 'prepaid'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** R-PARTY-1: a member is a corporation or an individual (sole proprietors are individuals). */
export type PartyKind = 'corporation' | 'individual';

export function isPaymentMethod(value: unknown): value is PaymentMethod {
  return typeof value === 'string' && (PAYMENT_METHODS as readonly string[]).includes(value);
}

/**
 * R-PARTY-3: individuals (and sole proprietors) pay by credit card only; prepaid, bank transfer and direct
 * debit are for corporations. Returns the problems, empty when the choice is allowed.
 */
export function paymentMethodProblems(kind: PartyKind, method: unknown, path = 'paymentMethod'): FieldProblem[] {
  if (!isPaymentMethod(method)) {
    return [
      {
        path,
        code: 'value.not_one_of',
        params: { options: PAYMENT_METHODS.join(', ') },
        message: `not a payment method; one of ${PAYMENT_METHODS.join(', ')}`,
      },
    ];
  }
  if (kind === 'individual' && method !== 'credit_card') {
    return [
      {
        path,
        code: 'payment_method.corporations_only',
        params: { method },
        message: `${method} is for corporations only; an individual pays by credit_card (R-PARTY-3)`,
      },
    ];
  }
  return [];
}

/**
 * R-BILL-5: the first billing month whose bill is paid by the new method, given the JST date the card was
 * authorised (credit card) or the signed form was received (bank transfer, direct debit).
 *
 * "The bill of the month after" (翌月以降の請求) is the bill of the next month's usage (DOMAIN.md R-BILL-5): a
 * card authorised on 15 April pays May's usage (charged on 1 June), a bank-transfer form received in April gets
 * May's statement (issued on 10 June); a direct-debit form received by the 20th pays the next month's bill,
 * after the 20th the bill of the month after that. The month of the authorisation or receipt itself is still
 * paid by the method before.
 */
export function firstBillingMonthForChange(to: ArrearsPaymentMethod, receivedOn: CalendarDate): BillingMonth {
  const monthOfReceipt = billingMonth(receivedOn.year, receivedOn.month);
  if (to === 'direct_debit' && receivedOn.day > 20) return addMonths(monthOfReceipt, 2);
  return addMonths(monthOfReceipt, 1);
}

/** A requested change of payment method, dated by card authorisation or form receipt (JST). */
export interface PaymentMethodChange {
  to: ArrearsPaymentMethod;
  receivedOn: CalendarDate;
}

/**
 * R-BILL-5: the method that pays a billing month, given the method before any change and the changes in the
 * order they were received. Decision: when two changes reach the same month (a direct-debit form received on
 * the 25th, then a card authorised a week later), the one received last wins: it is the member's latest word.
 */
export function paymentMethodForMonth(
  initial: ArrearsPaymentMethod,
  changes: PaymentMethodChange[],
  month: BillingMonth,
): ArrearsPaymentMethod {
  let method = initial;
  const inForce = changes
    .map((change, order) => ({ change, order, first: firstBillingMonthForChange(change.to, change.receivedOn) }))
    .filter(({ first }) => first.start <= month.start)
    .sort((a, b) => compareDates(a.change.receivedOn, b.change.receivedOn) || a.order - b.order);
  for (const { change } of inForce) method = change.to;
  return method;
}
