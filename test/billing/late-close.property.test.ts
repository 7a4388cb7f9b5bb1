import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { billingDates, datesForClose, LATE_DUE_BUSINESS_DAYS } from '../../core/billing';
import { addBusinessDays, addDays, billingMonth, compareDates, isBankBusinessDay } from '../../core/time';

const month = fc
  .record({ year: fc.integer({ min: 2026, max: 2047 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => billingMonth(year, month));
const method = fc.constantFrom('bank_transfer' as const, 'direct_debit' as const);

describe('R-BILL-7 a late close never issues a due date that has passed or is near', () => {
  it('R-BILL-7 closed d days after the issue date: issued that day, due on a business day no earlier than the regular due date nor 10 business days after', () => {
    fc.assert(
      fc.property(month, method, fc.integer({ min: 1, max: 400 }), (m, how, days) => {
        const regular = billingDates(how, m);
        const closedOn = addDays(regular.issueOn, days);
        const dates = datesForClose(regular, closedOn);
        expect(dates.issueOn).toEqual(closedOn);
        expect(dates.late?.daysLate).toBe(days);
        expect(compareDates(dates.dueOn, regular.dueOn)).toBeGreaterThanOrEqual(0);
        expect(compareDates(dates.dueOn, addBusinessDays(closedOn, LATE_DUE_BUSINESS_DAYS))).toBeGreaterThanOrEqual(0);
        expect(isBankBusinessDay(dates.dueOn)).toBe(true);
      }),
    );
  });

  it('R-BILL-7 closed on or before the issue date: the regular dates, not late', () => {
    fc.assert(
      fc.property(month, method, fc.integer({ min: 0, max: 9 }), (m, how, before) => {
        const regular = billingDates(how, m);
        const dates = datesForClose(regular, addDays(regular.issueOn, -before));
        expect([dates.issueOn, dates.dueOn, dates.late]).toEqual([regular.issueOn, regular.dueOn, null]);
      }),
    );
  });
});
