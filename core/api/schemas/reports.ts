import { z } from 'zod';
import { LEDGER_ACCOUNT_NAMES } from '../../ledger/accounts';
import { calendarDate } from './common';
import { billingMonthKey } from './billing';

// Node-free: the report screens validate their forms with these.

const dateRange = { from: calendarDate, to: calendarDate };
const fromNotAfterTo = <T extends { from: string; to: string }>(i: T) => i.from <= i.to;
const beforeFrom = { path: ['to'], params: { code: 'date.before_from' }, message: 'must not be before from' };

export const periodInput = z.strictObject(dateRange).refine(fromNotAfterTo, beforeFrom);

export const salesInput = z
  .strictObject({ fromMonth: billingMonthKey, toMonth: billingMonthKey })
  .refine((i) => i.fromMonth <= i.toMonth, {
    path: ['toMonth'],
    params: { code: 'date.before_from' },
    message: 'must not be before the first month',
  });

export const prepaidLiabilityInput = z.strictObject({});

const format = z.enum(['csv', 'pdf'], { error: 'csv or pdf' });

/** One report as a file: which, its parameters, and CSV or PDF. */
export const reportFileInput = z.discriminatedUnion('report', [
  z.strictObject({ report: z.literal('trialBalance'), format, ...dateRange }).refine(fromNotAfterTo, beforeFrom),
  z
    .strictObject({ report: z.literal('generalLedger'), format, account: z.enum(LEDGER_ACCOUNT_NAMES), ...dateRange })
    .refine(fromNotAfterTo, beforeFrom),
  z.strictObject({ report: z.literal('sales'), format, fromMonth: billingMonthKey, toMonth: billingMonthKey }),
  z.strictObject({ report: z.literal('prepaidLiability'), format }),
  z.strictObject({ report: z.literal('aging'), format, asOf: calendarDate.optional() }),
]);
