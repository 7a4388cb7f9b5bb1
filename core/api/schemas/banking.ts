import { z } from 'zod';
import { calendarDate, memberNumber, page, pageSize, positiveYen, yenString } from './common';
import { statementNumber } from './prepaid';

// Node-free: the renderer validates the bank import and review screens with these.

/** Whole yen, zero allowed, as a decimal string ("880"). */
const wholeYen = yenString({ zero: true, maxDigits: 7 });

const depositId = z.number({ error: 'a deposit id' }).int('a whole number').positive('a deposit id');
const reason = z.string({ error: 'a reason' }).trim().min(1, 'a reason is required').max(200, 'at most 200 characters');

export const bankImportInput = z.strictObject({
  fileName: z
    .string({ error: 'the file name' })
    .trim()
    .min(1, 'the file name is required')
    .max(255, 'at most 255 characters'),
  /** The file's bytes, base64. */
  contentBase64: z
    .string({ error: 'the file content, base64' })
    .min(1, 'the file is empty')
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'not base64'),
  dryRun: z.boolean({ error: 'true or false' }).default(false),
  /** The largest shortfall taken as the payer's transfer fee; default "880". */
  feeTolerance: wholeYen.optional(),
});

export const reviewQueueInput = z.strictObject({
  state: z.enum(['review', 'unknown'], { error: 'review or unknown' }).optional(),
});

export const confirmMatchInput = z.strictObject({
  depositId,
  /** The statement (prepaid or monthly) the deposit pays. */
  target: statementNumber,
  feeTolerance: wholeYen.optional(),
  note: z.string({ error: 'a note' }).trim().min(1).max(200, 'at most 200 characters').optional(),
});

export const rematchInput = z.strictObject({ depositId: depositId.optional(), feeTolerance: wholeYen.optional() });

export const dismissDepositInput = z.strictObject({ depositId, reason });

export const importReportInput = z.strictObject({
  importId: z.number({ error: 'an import id' }).int('a whole number').positive('an import id').optional(),
  outcome: z
    .enum(['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'], {
      error: 'matched, held, review, unknown, cancelled or duplicate',
    })
    .optional(),
  page,
  pageSize,
});

/** Issue 14: open statements and bills a clerk looks for by payer, name, amount or number. */
export const openBillsInput = z.strictObject({
  query: z.string({ error: 'what to look for' }).max(100, 'at most 100 characters'),
});

/** Issue 14, R-ACC-1: a queued deposit paying several bills, the rest kept as credit or refunded. */
export const resolveDepositInput = z.strictObject({
  depositId,
  parts: z
    .array(z.strictObject({ statementNumber, amount: positiveYen }), { error: 'a list of bills and amounts' })
    .max(20, 'at most 20 bills'),
  rest: z.enum(['credit', 'refund'], { error: 'credit or refund' }).optional(),
  memberNumber: memberNumber.optional(),
  note: z.string({ error: 'a note' }).trim().max(200, 'at most 200 characters').optional(),
});

export const refundsInput = z.strictObject({
  status: z.enum(['to_pay', 'paid'], { error: 'to_pay or paid' }).optional(),
});

export const payRefundInput = z.strictObject({
  refundId: z.number({ error: 'a refund id' }).int('a whole number').positive('a refund id'),
  /** JST date the refund left the bank; default today. */
  paidOn: calendarDate.optional(),
});
