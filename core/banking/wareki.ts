import { daysInMonth, formatDate } from '../time';

/** Reiwa began on 2019-05-01; Reiwa YY is the year YY + 2018. */
const REIWA_OFFSET = 2018;

/**
 * A Zengin YYMMDD date in the Reiwa era to `YYYY-MM-DD`; null when it is not a real Reiwa date.
 * Decision: only Reiwa is read. A Zengin date carries no era mark, every file this product imports was
 * written after 2019-05-01, so "Heisei" dates cannot be told apart and are not accepted.
 */
export function reiwaDate(yymmdd: string): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  return eraDate(REIWA_OFFSET, Number(yymmdd.slice(0, 2)), Number(yymmdd.slice(2, 4)), Number(yymmdd.slice(4, 6)));
}

/** Reiwa year N, month, day to `YYYY-MM-DD`; null when not a real date of the Reiwa era. */
export function reiwaYearDate(reiwaYear: number, month: number, day: number): string | null {
  return eraDate(REIWA_OFFSET, reiwaYear, month, day);
}

function eraDate(offset: number, eraYear: number, month: number, day: number): string | null {
  if (eraYear < 1) return null;
  return gregorianDate(offset + eraYear, month, day, '2019-05-01');
}

/** A real calendar date as `YYYY-MM-DD`, not before `notBefore` when given; null otherwise. */
export function gregorianDate(year: number, month: number, day: number, notBefore?: string): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
  const text = formatDate({ year, month, day });
  return notBefore !== undefined && text < notBefore ? null : text;
}
