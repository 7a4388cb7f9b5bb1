import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import {
  addBusinessDays,
  addDays,
  compareDates,
  dayOfWeek,
  HOLIDAY_DATA_YEARS,
  isBankBusinessDay,
  isBankHoliday,
  japaneseHolidayName,
  nextBusinessDay,
  type CalendarDate,
} from '../../core/time';
import { d, iso } from './date-helper';

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('Japanese holidays (@holiday-jp/holiday_jp data)', () => {
  it("R-BILL-6: 2026 spot checks: Silver Week citizens' holiday, Golden Week substitute holiday", () => {
    expect(japaneseHolidayName(d('2026-09-21'))).toBe('敬老の日');
    // Tuesday between Respect for the Aged Day (Mon 21st) and the equinox (Wed 23rd): 国民の休日.
    expect(japaneseHolidayName(d('2026-09-22'))).toBe('休日');
    expect(japaneseHolidayName(d('2026-09-23'))).toBe('秋分の日');
    expect(japaneseHolidayName(d('2026-03-20'))).toBe('春分の日');
    // Constitution Day falls on Sunday 3 May 2026: Wednesday 6 May is the substitute holiday.
    expect(japaneseHolidayName(d('2026-05-06'))).toBe('こどもの日 振替休日');
    expect(japaneseHolidayName(d('2026-05-07'))).toBeNull();
    expect(japaneseHolidayName(d('2026-11-10'))).toBeNull();
  });

  it('R-BILL-6: 2027 spot checks: the vernal equinox on a Sunday moves to Monday 22 March', () => {
    expect(japaneseHolidayName(d('2027-03-21'))).toBe('春分の日');
    expect(japaneseHolidayName(d('2027-03-22'))).toBe('春分の日 振替休日');
    expect(japaneseHolidayName(d('2027-09-23'))).toBe('秋分の日');
    // 2027 has no Silver Week: Tuesday 21 September is an ordinary day.
    expect(japaneseHolidayName(d('2027-09-21'))).toBeNull();
  });

  it('R-BILL-6: dates outside the data (1970–2050) are refused with an error naming the field', () => {
    expect(HOLIDAY_DATA_YEARS).toEqual({ first: 1970, last: 2050 });
    expect(() => isBankBusinessDay(d('2051-01-10'), 'statement.issueOn')).toThrow(InputError);
    const refusal = captureError(() => nextBusinessDay(d('1969-12-31'), 'paidOn'));
    expect(refusal).toBeInstanceOf(InputError);
    expect((refusal as InputError).problems).toEqual([
      {
        path: 'paidOn',
        code: 'date.outside_holiday_data',
        params: { date: '1969-12-31', first: 1970, last: 2050 },
        message: expect.stringContaining('1969-12-31 is outside the Japanese holiday data (1970–2050)'),
      },
    ]);
    // 2050-12-30 is a Friday, a business day: no need to look into 2051.
    expect(iso(nextBusinessDay(d('2050-12-30')))).toBe('2050-12-30');
    // 2050-12-31 would roll into January 2051, past the data.
    expect(() => nextBusinessDay(d('2050-12-31'))).toThrow(/2051-01-01 is outside/);
  });
});

describe('bank business days', () => {
  it('R-BILL-6: weekends, national holidays and Dec 31 – Jan 3 are bank holidays', () => {
    expect(dayOfWeek(d('2026-11-10'))).toBe(2); // Tuesday
    expect(isBankBusinessDay(d('2026-11-10'))).toBe(true);
    expect(isBankHoliday(d('2026-10-10'))).toBe(true); // Saturday
    expect(isBankHoliday(d('2026-10-11'))).toBe(true); // Sunday
    expect(isBankHoliday(d('2026-10-12'))).toBe(true); // スポーツの日, Monday
    expect(isBankHoliday(d('2026-12-31'))).toBe(true); // Thursday, year-end closing
    expect(isBankHoliday(d('2027-01-02'))).toBe(true);
    expect(isBankHoliday(d('2027-01-03'))).toBe(true);
    expect(isBankBusinessDay(d('2026-12-30'))).toBe(true); // Wednesday
    expect(isBankBusinessDay(d('2027-01-04'))).toBe(true); // Monday
  });

  it('R-BILL-6: nextBusinessDay keeps a business day and skips Golden Week, Silver Week and the year end', () => {
    expect(iso(nextBusinessDay(d('2026-11-10')))).toBe('2026-11-10');
    expect(iso(nextBusinessDay(d('2026-10-10')))).toBe('2026-10-13'); // Sat → Sun → Mon holiday → Tue
    expect(iso(nextBusinessDay(d('2026-05-02')))).toBe('2026-05-07'); // Sat 2 … Wed 6 May off
    expect(iso(nextBusinessDay(d('2026-09-19')))).toBe('2026-09-24'); // Sat 19 … Wed 23 Sep off
    expect(iso(nextBusinessDay(d('2026-12-31')))).toBe('2027-01-04');
    expect(iso(nextBusinessDay(d('2027-12-31')))).toBe('2028-01-04'); // Fri 31, Sat 1, Sun 2, Mon 3 → Tue 4
  });

  it('R-PRE-3: addBusinessDays counts business days after the date, skipping holidays', () => {
    expect(iso(addBusinessDays(d('2026-04-30'), 1))).toBe('2026-05-01');
    expect(iso(addBusinessDays(d('2026-04-30'), 2))).toBe('2026-05-07');
    expect(iso(addBusinessDays(d('2026-05-01'), 3))).toBe('2026-05-11'); // 7, 8, (weekend), 11
    expect(iso(addBusinessDays(d('2026-05-01'), 5))).toBe('2026-05-13');
    expect(iso(addBusinessDays(d('2026-12-28'), 3))).toBe('2027-01-04'); // 29, 30, (31–3), 4
    expect(iso(addBusinessDays(d('2026-05-02'), 0))).toBe('2026-05-07');
    expect(iso(addBusinessDays(d('2027-01-04'), -1))).toBe('2026-12-30');
    expect(() => addBusinessDays(d('2026-05-01'), 1.5)).toThrow(RangeError);
  });
});

const dateIn2026To2049 = fc
  .integer({ min: 0, max: 365 * 24 })
  .map((offset): CalendarDate => addDays({ year: 2026, month: 1, day: 1 }, offset));

function businessDaysAfterUpTo(from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (let day = addDays(from, 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    if (isBankBusinessDay(day)) count += 1;
  }
  return count;
}

describe('business day invariants', () => {
  it('R-BILL-6: nextBusinessDay is the first business day on or after the date', () => {
    fc.assert(
      fc.property(dateIn2026To2049, (date) => {
        const next = nextBusinessDay(date);
        expect(isBankBusinessDay(next)).toBe(true);
        for (let day = date; compareDates(day, next) < 0; day = addDays(day, 1)) {
          expect(isBankHoliday(day)).toBe(true);
        }
      }),
    );
  });

  it('R-PRE-3: addBusinessDays(date, n) lands on a business day with exactly n business days after date', () => {
    fc.assert(
      fc.property(dateIn2026To2049, fc.integer({ min: 1, max: 30 }), (date, n) => {
        const result = addBusinessDays(date, n);
        expect(isBankBusinessDay(result)).toBe(true);
        expect(businessDaysAfterUpTo(date, result)).toBe(n);
        expect(compareDates(addBusinessDays(result, -n), date) <= 0).toBe(true);
      }),
    );
  });
});
