import { InputError } from '../errors';
import { daysInMonth, formatMonth, jstMidnight, type CalendarDate } from './jst';

/** A billing month: a calendar month in JST, from the 1st 00:00 to the last day 24:00. */
export interface BillingMonth {
  year: number;
  month: number;
  /** `YYYY-MM` */
  key: string;
  /** First instant of the month (epoch ms, inclusive). */
  start: number;
  /** First instant of the next month (epoch ms, exclusive). */
  end: number;
  days: number;
}

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function billingMonth(year: number, month: number): BillingMonth {
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  return {
    year,
    month,
    key: formatMonth(year, month),
    start: jstMidnight({ year, month, day: 1 }),
    end: jstMidnight({ ...next, day: 1 }),
    days: daysInMonth(year, month),
  };
}

/** The billing month a JST calendar date falls in. */
export function monthOfDate(date: CalendarDate): BillingMonth {
  return billingMonth(date.year, date.month);
}

/** Parses `YYYY-MM`; throws an InputError naming `path` otherwise. */
export function parseMonth(text: unknown, path = 'month'): BillingMonth {
  const m = typeof text === 'string' ? MONTH_KEY.exec(text) : null;
  if (!m) throw InputError.one(path, 'month.invalid', 'not a month as YYYY-MM');
  return billingMonth(Number(m[1]), Number(m[2]));
}

export function addMonths(m: BillingMonth, n: number): BillingMonth {
  const index = m.year * 12 + (m.month - 1) + n;
  return billingMonth(Math.floor(index / 12), (index % 12) + 1);
}
