import { assertHolidayDataCovers, isJapaneseHoliday } from './holidays';
import { addDays, type CalendarDate } from './jst';

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** Banks' year-end closing days (大晦日・三が日): Dec 31 to Jan 3. */
function isYearEndClosing(date: CalendarDate): boolean {
  return (date.month === 12 && date.day === 31) || (date.month === 1 && date.day <= 3);
}

/**
 * R-BILL-6: a bank holiday is a Saturday, a Sunday, a Japanese national, substitute or citizens' holiday, or a
 * day from Dec 31 to Jan 3. Throws an InputError naming `path` outside the holiday data's years.
 */
export function isBankHoliday(date: CalendarDate, path = 'date'): boolean {
  assertHolidayDataCovers(date, path);
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6 || isYearEndClosing(date) || isJapaneseHoliday(date, path);
}

export function isBankBusinessDay(date: CalendarDate, path = 'date'): boolean {
  return !isBankHoliday(date, path);
}

/** R-BILL-6: the date itself when it is a bank business day, otherwise the next one. */
export function nextBusinessDay(date: CalendarDate, path = 'date'): CalendarDate {
  let day = date;
  while (isBankHoliday(day, path)) day = addDays(day, 1);
  return day;
}

/**
 * The n-th bank business day after `date` (R-PRE-3: "3 business days after the deposit"), not counting `date`
 * itself; a negative n counts back before it. n = 0 is nextBusinessDay(date).
 */
export function addBusinessDays(date: CalendarDate, n: number, path = 'date'): CalendarDate {
  if (!Number.isInteger(n)) throw new RangeError(`addBusinessDays: n must be an integer, got ${n}`);
  if (n === 0) return nextBusinessDay(date, path);
  const step = n > 0 ? 1 : -1;
  let day = date;
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isBankBusinessDay(day, path)) left -= 1;
  }
  return day;
}
