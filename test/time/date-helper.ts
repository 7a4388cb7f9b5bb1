import { formatDate, parseDate, parseInstant, type CalendarDate } from '../../core/time';

/** `d('2026-11-10')`: a calendar date from its ISO text, for tests. */
export function d(text: string): CalendarDate {
  const date = parseDate(text);
  if (!date) throw new Error(`test helper: not a date: ${text}`);
  return date;
}

/** `at('2026-11-26T00:00+09:00')`: epoch ms of an ISO instant with an offset, for tests. */
export function at(text: string): number {
  const ms = parseInstant(text);
  if (ms === null) throw new Error(`test helper: not an instant: ${text}`);
  return ms;
}

export const iso = formatDate;
