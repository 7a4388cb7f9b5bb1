import {
  addBusinessDays,
  addMonths,
  compareDates,
  daysBetween,
  nextBusinessDay,
  type BillingMonth,
  type CalendarDate,
} from '../time';
import type { ArrearsPaymentMethod } from './payment-method';

/** When a billing month's bill is issued and paid, by payment method. */
export interface BillingDates {
  method: ArrearsPaymentMethod;
  /** `YYYY-MM` of the usage month billed. */
  month: string;
  /** R-BILL-1: the bill covers the month's 1st to its last day (JST). */
  period: { from: CalendarDate; to: CalendarDate };
  /** The statement's issue date; for a credit card, the day the card is charged. */
  issueOn: CalendarDate;
  /** Bank transfer: pay by this day. Direct debit: debited on this day. Credit card: the charge day. */
  dueOn: CalendarDate;
}

function dayOf(month: BillingMonth, day: number): CalendarDate {
  return { year: month.year, month: month.month, day };
}

/**
 * R-BILL-2..4, R-BILL-6: the issue and due dates of a billing month's bill.
 *
 * Bank transfer: issued on the 10th of the following month, due by the 25th of the month of issue.
 * Direct debit: issued on the 10th of the following month, debited on the 26th of the month of issue.
 * Each moves to the next bank business day, which never leaves the month of issue (checked for 2026–2049 by a
 * property test).
 *
 * Decision (R-BILL-2): a credit card is charged on the 1st of the following month, *not* moved to a business
 * day. Reason: card authorisation runs with the card issuer every day of the year and is not a bank operation,
 * and R-DUN-1 ties the restriction to the charge on the 1st; moving it would put January's charge on Jan 4
 * or later every year.
 */
export function billingDates(method: ArrearsPaymentMethod, month: BillingMonth): BillingDates {
  const issueMonth = addMonths(month, 1);
  const billed = { method, month: month.key, period: { from: dayOf(month, 1), to: dayOf(month, month.days) } };
  switch (method) {
    case 'credit_card': {
      const chargeOn = dayOf(issueMonth, 1);
      return { ...billed, issueOn: chargeOn, dueOn: chargeOn };
    }
    case 'bank_transfer':
      return {
        ...billed,
        issueOn: nextBusinessDay(dayOf(issueMonth, 10)),
        dueOn: nextBusinessDay(dayOf(issueMonth, 25)),
      };
    case 'direct_debit':
      return {
        ...billed,
        issueOn: nextBusinessDay(dayOf(issueMonth, 10)),
        dueOn: nextBusinessDay(dayOf(issueMonth, 26)),
      };
  }
}

/** How late a month's close was for a bill (R-BILL-7): the regular issue date and the days after it. */
export interface LateIssue {
  regularIssueOn: CalendarDate;
  regularDueOn: CalendarDate;
  daysLate: number;
}

/** Business days between a late statement's issue and its due date, at least (R-BILL-7). */
export const LATE_DUE_BUSINESS_DAYS = 10;

/**
 * R-BILL-7: a bill of a month closed after its regular issue date is issued on the day of the close, and is
 * due on the later of its regular (R-BILL-3/4) due date and the 10th business day after that issue. Decision
 * D-BILL-7a: a credit card bill closed after the 1st is charged on the day of the close (issue and charge the
 * same day, as R-BILL-2 has them), since a card charge is not a date the customer pays by. Closed on or
 * before the regular issue date, the dates are the regular ones.
 */
export function datesForClose(
  regular: BillingDates,
  closedOn: CalendarDate,
): BillingDates & { late: LateIssue | null } {
  if (compareDates(closedOn, regular.issueOn) <= 0) return { ...regular, late: null };
  const late = {
    regularIssueOn: regular.issueOn,
    regularDueOn: regular.dueOn,
    daysLate: daysBetween(regular.issueOn, closedOn),
  };
  if (regular.method === 'credit_card') return { ...regular, issueOn: closedOn, dueOn: closedOn, late };
  const earliestDue = addBusinessDays(closedOn, LATE_DUE_BUSINESS_DAYS);
  const dueOn = compareDates(earliestDue, regular.dueOn) > 0 ? earliestDue : regular.dueOn;
  return { ...regular, issueOn: closedOn, dueOn, late };
}
