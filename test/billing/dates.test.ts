import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARREARS_PAYMENT_METHODS, billingDates } from '../../core/billing';
import { billingMonth, dayOfWeek, isBankBusinessDay, parseMonth } from '../../core/time';
import { d, iso } from '../time/date-helper';

function datesOf(method: Parameters<typeof billingDates>[0], month: string) {
  const dates = billingDates(method, parseMonth(month));
  return { issueOn: iso(dates.issueOn), dueOn: iso(dates.dueOn) };
}

describe('billing dates per payment method', () => {
  it('R-BILL-1: a bill covers the 1st to the last day of its month', () => {
    expect(billingDates('bank_transfer', parseMonth('2026-02')).period).toEqual({
      from: d('2026-02-01'),
      to: d('2026-02-28'),
    });
    expect(billingDates('credit_card', parseMonth('2028-02')).period).toEqual({
      from: d('2028-02-01'),
      to: d('2028-02-29'),
    });
    expect(billingDates('direct_debit', parseMonth('2026-10')).month).toBe('2026-10');
  });

  it('R-BILL-3: October 2026 by bank transfer: issued Tue 2026-11-10, due Wed 2026-11-25', () => {
    expect(dayOfWeek(d('2026-11-10'))).toBe(2);
    expect(dayOfWeek(d('2026-11-25'))).toBe(3);
    expect(datesOf('bank_transfer', '2026-10')).toEqual({ issueOn: '2026-11-10', dueOn: '2026-11-25' });
  });

  it('R-BILL-3: a 10th on a Saturday moves to Monday, or Tuesday after a Monday holiday', () => {
    // March 2027: Sat 10 April → Mon 12 April; Sun 25 April → Mon 26 April.
    expect(datesOf('bank_transfer', '2027-03')).toEqual({ issueOn: '2027-04-12', dueOn: '2027-04-26' });
    // September 2026: Sat 10 Oct, Sun 11, Mon 12 スポーツの日 → Tue 13 Oct; Sun 25 Oct → Mon 26 Oct.
    expect(datesOf('bank_transfer', '2026-09')).toEqual({ issueOn: '2026-10-13', dueOn: '2026-10-26' });
    // April 2026: Sun 10 May → Mon 11 May (Golden Week is over by then).
    expect(datesOf('bank_transfer', '2026-04')).toEqual({ issueOn: '2026-05-11', dueOn: '2026-05-25' });
  });

  it('R-BILL-4: direct debit: issued on the 10th, debited on the 26th of the month of issue, on business days', () => {
    expect(datesOf('direct_debit', '2026-10')).toEqual({ issueOn: '2026-11-10', dueOn: '2026-11-26' });
    expect(datesOf('direct_debit', '2026-09')).toEqual({ issueOn: '2026-10-13', dueOn: '2026-10-26' });
    // November 2026: Sat 26 December → Mon 28 December, before the year-end closing.
    expect(datesOf('direct_debit', '2026-11')).toEqual({ issueOn: '2026-12-10', dueOn: '2026-12-28' });
    expect(datesOf('bank_transfer', '2026-11')).toEqual({ issueOn: '2026-12-10', dueOn: '2026-12-25' });
  });

  it("R-BILL-2: a card is charged on the 1st of the following month, even on a Sunday or New Year's Day", () => {
    expect(datesOf('credit_card', '2026-10')).toEqual({ issueOn: '2026-11-01', dueOn: '2026-11-01' }); // Sunday
    expect(datesOf('credit_card', '2026-12')).toEqual({ issueOn: '2027-01-01', dueOn: '2027-01-01' });
  });

  it('R-BILL-6: issue and due dates are business days in the month after the billed month (2026–2049)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 12 - 2 }),
        fc.constantFrom('bank_transfer' as const, 'direct_debit' as const),
        (index, method) => {
          const month = billingMonth(2026 + Math.floor(index / 12), (index % 12) + 1);
          const dates = billingDates(method, month);
          for (const date of [dates.issueOn, dates.dueOn]) {
            expect(isBankBusinessDay(date)).toBe(true);
            expect(date.year * 12 + date.month).toBe(month.year * 12 + month.month + 1);
          }
          expect(dates.issueOn.day).toBeGreaterThanOrEqual(10);
          expect(dates.issueOn.day).toBeLessThan(20);
          expect(dates.dueOn.day).toBeGreaterThanOrEqual(method === 'bank_transfer' ? 25 : 26);
        },
      ),
    );
    expect(ARREARS_PAYMENT_METHODS).toEqual(['credit_card', 'bank_transfer', 'direct_debit']);
  });
});
