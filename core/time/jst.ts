/**
 * Calendar decisions in Japan Standard Time (UTC+9, no daylight saving). Instants are epoch milliseconds
 * (integers, never money); calendar values are plain { year, month, day } in JST.
 */
export const JST_OFFSET_MS = 9 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses an ISO 8601 time with an explicit offset (`Z` or `+09:00`) to epoch ms; null when it is not one.
 * The shape platform exports use (`2026-10-05T10:00:00+09:00` or `…Z`) takes a fast path: a provider's month
 * has about a million event times, and the pattern plus Date.parse were a third of the rating time.
 */
export function parseInstant(text: unknown): number | null {
  if (typeof text === 'string' && (text.length === 25 || text.length === 20)) {
    const ms = fastInstant(text);
    if (ms !== undefined) return ms;
  }
  return parseInstantByPattern(text);
}

const DIGIT_0 = 48;

function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - DIGIT_0;
  const b = text.charCodeAt(at + 1) - DIGIT_0;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DDTHH:MM:SS` with `Z` or `±HH:MM`; undefined for anything it is not sure of (the pattern decides). */
function fastInstant(t: string): number | undefined {
  if (
    t.charCodeAt(4) !== 45 ||
    t.charCodeAt(7) !== 45 ||
    t.charCodeAt(10) !== 84 ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 58
  ) {
    return undefined;
  }
  const century = digits2(t, 0);
  const yy = digits2(t, 2);
  const month = digits2(t, 5);
  const day = digits2(t, 8);
  const hour = digits2(t, 11);
  const minute = digits2(t, 14);
  const second = digits2(t, 17);
  // Years before 1000 are left to the pattern (Date.UTC reads 0–99 as 1900–1999).
  if (
    century < 10 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59
  )
    return undefined;
  if (second < 0 || second > 59) return undefined;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return undefined;
  let offsetMinutes = 0;
  if (t.length === 25) {
    const sign = t.charCodeAt(19);
    const oh = digits2(t, 20);
    const om = digits2(t, 23);
    if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59)
      return undefined;
    offsetMinutes = (sign === 43 ? 1 : -1) * (oh * 60 + om);
  } else if (t.charCodeAt(19) !== 90) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}

/** parseInstant's general reader (any precision, minutes without seconds); exported for the agreement test. */
export function parseInstantByPattern(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO_WITH_OFFSET.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(Number(y), month)) return null;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

/** The JST calendar date of an instant. */
export function jstDate(ms: number): CalendarDate {
  const d = new Date(ms + JST_OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * Today in Japan: the JST calendar date of the clock's `now` (the catalog's ctx.now, the renderer's nowMs()).
 * The one home of "today": every default date and every "is it due yet" starts here.
 */
export function jstToday(now: Date | number): CalendarDate {
  return jstDate(typeof now === 'number' ? now : now.getTime());
}

/** The instant of 00:00 JST on a calendar date. */
export function jstMidnight(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) - JST_OFFSET_MS;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-23` */
export function formatDate(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2026-11` */
export function formatMonth(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}`;
}

/** An instant as JST wall time to the minute, `2026-11-23 09:05`. */
export function formatJstDateTime(ms: number): string {
  const shifted = new Date(ms + JST_OFFSET_MS);
  return `${formatDate(jstDate(ms))} ${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** An instant as an ISO 8601 time in JST with its offset, `2026-10-03T08:15:00+09:00` (as usage files carry it). */
export function formatJstInstant(ms: number): string {
  return `${new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** Parses `YYYY-MM-DD` to a calendar date; null when it is not a real date. */
export function parseDate(text: unknown): CalendarDate | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) return null;
  return date;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return jstDate(jstMidnight(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((jstMidnight(to) - jstMidnight(from)) / DAY_MS);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The same day `months` months later, clamped to that month's last day (R-PRE-6, R-DUN-6):
 * Jan 31 + 1 month is Feb 28 (29 in a leap year).
 */
export function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** An instant `months` months later at the same JST time of day, the date clamped to month end. */
export function addMonthsToInstant(ms: number, months: number): number {
  const date = jstDate(ms);
  const timeOfDay = ms - jstMidnight(date);
  return jstMidnight(addMonthsClamped(date, months)) + timeOfDay;
}
