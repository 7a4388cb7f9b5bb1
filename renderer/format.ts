import { formatYen } from '../core/money';
import { nowMs } from './clock';
import { formatDate, formatJstDateTime as jstDateTime, jstDate, jstToday, parseInstant } from '../core/time';

export { formatYen };

/** A stored UTC ISO instant shown as a JST calendar date, `2026-11-23`; the text itself when it is not one. */
export function formatJstDate(iso: unknown): string {
  const ms = parseInstant(iso);
  if (ms === null) return typeof iso === 'string' ? iso : '';
  return formatDate(jstDate(ms));
}

/** A stored UTC ISO instant in JST, `2026-11-23 09:05`. */
export function formatJstDateTime(iso: unknown): string {
  const ms = parseInstant(iso);
  if (ms === null) return typeof iso === 'string' ? iso : '';
  return jstDateTime(ms);
}

/** Today's date in JST, `2026-11-23`. */
export function todayJst(now: number = nowMs()): string {
  return formatDate(jstToday(now));
}
