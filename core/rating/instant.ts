import { daysInMonth, parseInstant } from '../time';

const ZERO = 48;

function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - ZERO;
  const b = text.charCodeAt(at + 1) - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * core/time's parseInstant, with a fast path for the shape platform exports use
 * (`2026-10-05T10:00:00+09:00` or `…Z`): a month has about a million event times and the regular expression
 * plus Date.parse are a third of the rating time. Any other text, or anything the fast path is not sure of,
 * goes to parseInstant, so the two always agree (test/rating/instant.test.ts).
 */
export function parseEventTime(text: unknown): number | null {
  if (typeof text === 'string' && (text.length === 25 || text.length === 20)) {
    const ms = fastInstant(text);
    if (ms !== undefined) return ms;
  }
  return parseInstant(text);
}

function fastInstant(t: string): number | undefined {
  if (t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45 || t.charCodeAt(10) !== 84 || t.charCodeAt(13) !== 58 || t.charCodeAt(16) !== 58) {
    return undefined;
  }
  const century = digits2(t, 0);
  const yy = digits2(t, 2);
  const month = digits2(t, 5);
  const day = digits2(t, 8);
  const hour = digits2(t, 11);
  const minute = digits2(t, 14);
  const second = digits2(t, 17);
  // Years before 1000 are left to parseInstant (Date.UTC reads 0–99 as 1900–1999).
  if (century < 10 || yy < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59) return undefined;
  if (second < 0 || second > 59) return undefined;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return undefined;
  let offsetMinutes = 0;
  if (t.length === 25) {
    const sign = t.charCodeAt(19);
    const oh = digits2(t, 20);
    const om = digits2(t, 23);
    if ((sign !== 43 && sign !== 45) || t.charCodeAt(22) !== 58 || oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
    offsetMinutes = (sign === 43 ? 1 : -1) * (oh * 60 + om);
  } else if (t.charCodeAt(19) !== 90) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
}
