import { formatDate, jstDate, type CalendarDate } from '../time';

/** The JST calendar date of an instant, as a date and as YYYY-MM-DD. */
export function jstToday(now: Date): { date: CalendarDate; text: string } {
  const date = jstDate(now.getTime());
  return { date, text: formatDate(date) };
}
