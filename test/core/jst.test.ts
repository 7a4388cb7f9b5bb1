import { describe, expect, it } from 'vitest';
import {
  addMonths,
  addMonthsClamped,
  addMonthsToInstant,
  billingMonth,
  daysBetween,
  formatDate,
  formatJstDateTime,
  formatJstInstant,
  formatMonth,
  jstDate,
  jstToday,
  monthOfDate,
  parseInstant,
  parseMonth,
} from '../../core/time';

describe('core/time JST calendar', () => {
  it('a billing month runs from the 1st 00:00 JST to the last day 24:00 JST, given in UTC', () => {
    const oct = parseMonth('2026-10');
    expect(new Date(oct.start).toISOString()).toBe('2026-09-30T15:00:00.000Z');
    expect(new Date(oct.end).toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(oct.days).toBe(31);
  });

  it('a leap February has 29 days', () => {
    expect(billingMonth(2028, 2).days).toBe(29);
    expect(billingMonth(2026, 2).days).toBe(28);
    expect(billingMonth(2100, 2).days).toBe(28);
  });

  it('an instant at 15:00 UTC is the next JST day', () => {
    expect(jstDate(Date.parse('2026-09-30T15:00:00Z'))).toEqual({ year: 2026, month: 10, day: 1 });
    expect(jstDate(Date.parse('2026-09-30T14:59:59Z'))).toEqual({ year: 2026, month: 9, day: 30 });
  });

  it('parses only ISO 8601 times with an explicit offset', () => {
    expect(parseInstant('2026-10-01T00:00:00+09:00')).toBe(Date.parse('2026-09-30T15:00:00Z'));
    expect(parseInstant('2026-10-01T00:00:00Z')).not.toBeNull();
    expect(parseInstant('2026-10-01T00:00:00')).toBeNull();
    expect(parseInstant('2026-02-30T00:00:00Z')).toBeNull();
    expect(parseInstant(1234)).toBeNull();
  });

  it('refuses months that are not YYYY-MM, naming the field', () => {
    expect(() => parseMonth('2026-13')).toThrow(/month: not a month/);
    expect(() => parseMonth('2026-1', 'usage.month')).toThrow(/usage\.month/);
  });

  it('same day N months later is clamped to month end', () => {
    expect(addMonthsClamped({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonthsClamped({ year: 2027, month: 1, day: 31 }, 13)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonthsClamped({ year: 2026, month: 11, day: 15 }, 2)).toEqual({ year: 2027, month: 1, day: 15 });
    const t = Date.parse('2026-03-31T14:30:00+09:00');
    expect(new Date(addMonthsToInstant(t, 12)).toISOString()).toBe('2027-03-31T05:30:00.000Z');
    expect(new Date(addMonthsToInstant(Date.parse('2027-05-31T10:00:00+09:00'), 1)).toISOString()).toBe(
      '2027-06-30T01:00:00.000Z',
    );
  });

  it('today in JST is the date in Japan, whatever the clock is given as', () => {
    const lateUtc = Date.parse('2026-10-31T15:00:00Z'); // 2026-11-01 00:00 JST
    expect(jstToday(lateUtc)).toEqual({ year: 2026, month: 11, day: 1 });
    expect(jstToday(new Date(lateUtc - 1))).toEqual({ year: 2026, month: 10, day: 31 });
    expect(monthOfDate(jstToday(lateUtc)).key).toBe('2026-11');
    expect(addMonths(monthOfDate({ year: 2027, month: 1, day: 5 }), -1).key).toBe('2026-12');
  });

  it('formats dates, months and instants in JST, padded', () => {
    expect(formatDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(formatMonth(2026, 3)).toBe('2026-03');
    const ms = Date.parse('2026-10-03T08:05:07+09:00');
    expect(formatJstInstant(ms)).toBe('2026-10-03T08:05:07+09:00');
    expect(formatJstDateTime(ms)).toBe('2026-10-03 08:05');
    expect(formatJstDateTime(Date.parse('2026-12-31T15:30:00Z'))).toBe('2027-01-01 00:30');
  });

  it('counts calendar days between two dates across months and years', () => {
    expect(daysBetween({ year: 2026, month: 12, day: 30 }, { year: 2027, month: 1, day: 2 })).toBe(3);
    expect(daysBetween({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 2, day: 27 })).toBe(-2);
  });
});
