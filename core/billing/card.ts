import type { FieldProblem } from '../errors';
import { Dec, formatYen } from '../money';
import { addMonthsClamped, compareDates, daysInMonth, formatDate, type CalendarDate } from '../time';
import type { ArrearsPaymentMethod } from './payment-method';

const EXPIRY = /^(0[1-9]|1[0-2])\/(\d{2})$/;

/** A card's expiry `MM/YY` read as the last day it is valid: 07/26 is valid through 2026-07-31. */
export function cardValidThrough(expiry: unknown, path = 'card.expiry'): CalendarDate | FieldProblem {
  const m = typeof expiry === 'string' ? EXPIRY.exec(expiry) : null;
  if (!m) return { path, code: 'card.expiry_invalid', message: 'not a card expiry as MM/YY' };
  const year = 2000 + Number(m[2]);
  const month = Number(m[1]);
  return { year, month, day: daysInMonth(year, month) };
}

/** Months of validity a card must have left to be accepted (R-BILL-2). */
export const CARD_MIN_VALIDITY_MONTHS = 3;

/**
 * R-BILL-2: a card expiring within 3 months is refused. Decision: on `today` (JST) a card is accepted only if
 * it is still valid on the same day 3 months later (clamped to month end), that is its last valid day is on
 * or after today + 3 months. On 2026-04-30 a 07/26 card (valid through 07-31) is accepted; on 2026-05-01 it
 * is refused (05-01 + 3 months = 08-01). An expired card is refused by the same test.
 */
export function cardExpiryProblems(expiry: unknown, today: CalendarDate, path = 'card.expiry'): FieldProblem[] {
  const validThrough = cardValidThrough(expiry, path);
  if ('path' in validThrough) return [validThrough];
  const mustBeValidOn = addMonthsClamped(today, CARD_MIN_VALIDITY_MONTHS);
  if (compareDates(validThrough, mustBeValidOn) < 0) {
    return [
      {
        path,
        code: 'card.validity_too_short',
        params: {
          validThrough: formatDate(validThrough),
          months: CARD_MIN_VALIDITY_MONTHS,
          today: formatDate(today),
          mustBeValidOn: formatDate(mustBeValidOn),
        },
        message: `the card is valid through ${formatDate(validThrough)}, less than ${CARD_MIN_VALIDITY_MONTHS} months from ${formatDate(today)}; a card must be valid on ${formatDate(mustBeValidOn)} (R-BILL-2)`,
      },
    ];
  }
  return [];
}

/**
 * Decision (R-BILL-2 "large amounts may fail"): the limit is configurable; by default a bill above ¥1,000,000
 * (tax included) is flagged, a common credit line for corporate cards in Japan.
 */
export const DEFAULT_CARD_AMOUNT_LIMIT = new Dec(1_000_000);

export interface LargeCardAmountAdvice {
  amount: Dec;
  limit: Dec;
  suggest: ArrearsPaymentMethod[];
  message: string;
}

/** R-BILL-2: advice when an amount to charge to a card is above the limit (strictly); null otherwise. */
export function largeCardAmountAdvice(
  amount: Dec,
  limit: Dec = DEFAULT_CARD_AMOUNT_LIMIT,
): LargeCardAmountAdvice | null {
  if (!amount.greaterThan(limit)) return null;
  return {
    amount,
    limit,
    suggest: ['bank_transfer', 'direct_debit'],
    message: `${formatYen(amount)} is above ${formatYen(limit)}: a card charge this large may fail; bank transfer or direct debit is suggested`,
  };
}
