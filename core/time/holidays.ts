import holidayData from '@holiday-jp/holiday_jp/lib/holidays';
import { InputError } from '../errors';
import { formatDate, type CalendarDate } from './jst';

/**
 * Japanese national holidays (国民の祝日), substitute holidays (振替休日) and citizens' holidays (国民の休日),
 * from the @holiday-jp/holiday_jp data set.
 *
 * Decision (R-BILL-6): the data covers the whole years 1970–2050 and nothing else. A date outside those years
 * is refused with an InputError rather than guessed: equinox days are fixed by the government each February for
 * the following year, and the law changes (2019–2021 moved several holidays), so a computed calendar could
 * silently move a due date. Updating the package extends the coverage.
 */
const HOLIDAY_NAMES: ReadonlyMap<string, string> = new Map(
  Object.values(holidayData as Record<string, { date: string; name: string }>).map((h) => [h.date, h.name]),
);

function yearsCovered(): { first: number; last: number } {
  const years = [...HOLIDAY_NAMES.keys()].map((key) => Number(key.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
}

/** The first and last whole years the holiday data covers (1970 and 2050 with @holiday-jp/holiday_jp 2.5). */
export const HOLIDAY_DATA_YEARS: Readonly<{ first: number; last: number }> = Object.freeze(yearsCovered());

/** Throws an InputError naming `path` when the date's year is outside the holiday data. */
export function assertHolidayDataCovers(date: CalendarDate, path = 'date'): void {
  if (date.year < HOLIDAY_DATA_YEARS.first || date.year > HOLIDAY_DATA_YEARS.last) {
    throw InputError.one(
      path,
      'date.outside_holiday_data',
      `${formatDate(date)} is outside the Japanese holiday data (${HOLIDAY_DATA_YEARS.first}–${HOLIDAY_DATA_YEARS.last}); update @holiday-jp/holiday_jp`,
      { date: formatDate(date), first: HOLIDAY_DATA_YEARS.first, last: HOLIDAY_DATA_YEARS.last },
    );
  }
}

/** The holiday's Japanese name (e.g. 春分の日, 振替休日 as "… 振替休日", 国民の休日 as 休日), or null on an ordinary day. */
export function japaneseHolidayName(date: CalendarDate, path = 'date'): string | null {
  assertHolidayDataCovers(date, path);
  return HOLIDAY_NAMES.get(formatDate(date)) ?? null;
}

export function isJapaneseHoliday(date: CalendarDate, path = 'date'): boolean {
  return japaneseHolidayName(date, path) !== null;
}
