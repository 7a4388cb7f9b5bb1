import { z } from 'zod';
import { calendarDate, cloudAccountCode, memberNumber, positiveYen } from './common';
import { typedCode } from './typed';

// Node-free: the renderer validates the prepaid screens with these.

export const estimateNumber = z
  .string({ error: 'an estimate number such as EST-2026-000123' })
  .overwrite(typedCode)
  .regex(/^EST-[0-9]{4}-[0-9]{6,}$/, 'an estimate number such as EST-2026-000123');

export const statementNumber = z
  .string({ error: 'a statement number such as BIL-2026-000123' })
  .overwrite(typedCode)
  .regex(/^BIL-[0-9]{4}-[0-9]{6,}$/, 'a statement number such as BIL-2026-000123');

const subject = z
  .string({ error: 'a subject' })
  .trim()
  .min(1, 'a subject is required')
  .max(100, 'at most 100 characters');
const notes = z
  .array(z.string({ error: 'a note' }).trim().min(1, 'an empty note').max(200, 'at most 200 characters'), {
    error: 'a list of notes',
  })
  .max(10, 'at most 10 notes');
const validDays = z
  .number({ error: 'a number of days' })
  .int('a whole number of days')
  .min(1, 'at least 1 day')
  .max(365, 'at most 365 days');

const decimalText = z
  .string({ error: 'a number such as 720 or 12.5' })
  .trim()
  .regex(/^(0|[1-9][0-9]*)(\.[0-9]+)?$/, 'a number such as 720 or 12.5');

/** One simulator line of a quote (D-PRE-L): a plan, how many, hours per month and GB. */
const quoteLine = z.strictObject({
  plan: z.string({ error: 'a plan' }).trim().min(1, 'a plan is required'),
  count: z.string({ error: 'a count' }).regex(/^[1-9][0-9]{0,3}$/, 'a whole number from 1 to 9999'),
  hours: decimalText.or(z.literal('')),
  gb: decimalText.or(z.literal('')),
});

export const quoteInput = z.strictObject({
  months: z.number({ error: 'a number of months' }).int('whole months').min(1, 'at least 1').max(60, 'at most 60'),
  lines: z.array(quoteLine).min(1, 'at least one line').max(20, 'at most 20 lines'),
});

const repName = z.string({ error: 'a name' }).trim().min(1, 'a name is required').max(60, 'at most 60 characters');

export const draftEstimateInput = z
  .strictObject({
    memberNumber,
    /** R-PRE-1: "10000", "30000", or "50000" and more. Absent for a quote (D-PRE-L). */
    amount: positiveYen.optional(),
    subject: subject.default('プリペイドクレジットのご購入'),
    validDays: validDays.default(30),
    notes: notes.default([]),
    /** 担当者 (D-PRE-M): the operator's display name when absent. */
    repName: repName.optional(),
    quote: quoteInput.optional(),
  })
  .refine((d) => d.amount !== undefined || d.quote !== undefined, {
    path: ['amount'],
    params: { code: 'value.required' },
    message: 'an amount, or a quote',
  });

export const updateEstimateInput = z.strictObject({
  estimateNumber,
  amount: positiveYen.optional(),
  subject: subject.optional(),
  validDays: validDays.optional(),
  notes: notes.optional(),
  repName: repName.optional(),
  quote: quoteInput.optional(),
});

export const estimateRefInput = z.strictObject({ estimateNumber });

export const listEstimatesInput = z.strictObject({ memberNumber: memberNumber.optional() });

export const statementRefInput = z.strictObject({ statementNumber });

const bankReference = z
  .string({ error: 'the bank reference' })
  .trim()
  .min(1, 'the bank reference is required')
  .max(64, 'at most 64 characters');

/**
 * A deposit for a prepaid statement: typed in by accounting (amount, date, reference), or one already imported
 * from a bank file (its id), which the banking import routes here when it matches a statement.
 */
export const confirmDepositInput = z.union(
  [
    z.strictObject({
      statementNumber,
      amount: positiveYen,
      valueDate: calendarDate,
      bankReference,
      payerKana: z.string({ error: 'the payer name' }).trim().min(1).max(48, 'at most 48 characters').optional(),
    }),
    z.strictObject({ statementNumber, depositId: z.number({ error: 'a deposit id' }).int().positive() }),
  ],
  { error: 'either statementNumber, amount, valueDate and bankReference, or statementNumber and depositId' },
);

export const decideDepositInput = z.strictObject({
  bankReference,
  decision: z.enum(['accept', 'refund', 'hold'], { error: 'accept, refund or hold' }),
  reason: z.string({ error: 'a reason' }).trim().min(1, 'a reason is required').max(200, 'at most 200 characters'),
});

export const noticeNumber = z
  .string({ error: 'a notice number such as PRE-2026-000123' })
  .regex(/^PRE-[0-9]{4}-[0-9]{6,}$/, 'a notice number such as PRE-2026-000123');

export const noticeRefInput = z.strictObject({ noticeNumber });

export const issuePrepaidIdInput = z.strictObject({ statementNumber });

export const lateIssuancesInput = z.strictObject({ date: calendarDate.optional() });

export const registerPrepaidIdInput = z.strictObject({
  cloudAccountCode,
  /** As the member typed it: case, spaces and hyphens do not matter. */
  code: z
    .string({ error: 'the prepaid ID' })
    .trim()
    .min(1, 'the prepaid ID is required')
    .max(40, 'at most 40 characters'),
});

export const accountRefInput = z.strictObject({ cloudAccountCode });

export const memberPrepaidInput = z.strictObject({ memberNumber });

export const dailyUpdateInput = z.strictObject({
  /** The JST day whose end the balances are computed at. */
  date: calendarDate,
  /** The month-to-date usage file (shared/contracts/rating.md); when absent, the month's latest imported usage. */
  usage: z.unknown().optional(),
});

export const alertThresholdInput = z.strictObject({
  cloudAccountCode,
  threshold: z.union([positiveYen, z.literal('0')]),
});
