import { z } from 'zod';
import { VOLUME_SIZE, volumeCount } from '../../close/volumes';
import { cloudAccountCode, monthKey, positiveYen } from './common';
import { statementNumber } from './prepaid';

// Node-free: the renderer validates with these too.

export const billingMonthKey = monthKey;

/** The one schema of a statement number (prepaid statements and monthly bills share the numbering). */
export { statementNumber } from './prepaid';

export const billId = z.number({ error: 'a bill id' }).int('a whole bill id').positive('a bill id');

/** A bill named by its id or by its statement's number (exactly one). */
export const billRef = {
  billId: billId.optional(),
  statementNumber: statementNumber.optional(),
};

export function oneBillRef(
  v: { billId?: number | undefined; statementNumber?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if ((v.billId === undefined) === (v.statementNumber === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['billId'],
      params: { code: 'bill.ref_required' },
      message: 'name the bill by billId or by statementNumber (one of them)',
    });
  }
}

export const importUsageInput = z.strictObject({
  /** The usage file's text, exactly as exported (its sha256 makes the import idempotent). */
  content: z.string({ error: 'the usage file as text' }).min(2, 'the usage file as text'),
  /** Withdraw the open month's imports that already hold an account of this file (whole), instead of refusing. */
  replace: z.boolean().optional(),
});

export const closeMonthInput = z.strictObject({
  month: billingMonthKey,
  /**
   * Bill at most this many accounts in this call; call again until `finished` (progress for the UI and the
   * CLI). 0 starts the close and answers how many bills it makes.
   */
  maxAccounts: z
    .number({ error: 'a number of accounts' })
    .int('a whole number of accounts')
    .min(0, 'not negative')
    .max(100_000, 'at most 100,000')
    .optional(),
});
export const monthInput = z.strictObject({ month: billingMonthKey });
export const accountBillsInput = z.strictObject({ account: cloudAccountCode });
export const statementPdfInput = z.strictObject({ statementNumber });
/**
 * The volumes a month's statements print in (billing.monthStatementsPdf's `volume`): at most VOLUME_SIZE
 * statements each. core/close/volumes is plain arithmetic (no Node), safe for the renderer, which names the
 * volumes on its print buttons before it asks for one.
 */
export { VOLUME_SIZE, volumeCount };

export const monthStatementsPdfInput = z.strictObject({
  month: billingMonthKey,
  /** Which volume of VOLUME_SIZE (1,000) statements (default the first; a month has more only past 1,000 bills). */
  volume: z.number({ error: 'a volume number' }).int('a whole volume number').min(1, 'at least 1').optional(),
  /** Only these statements of the month (a filtered print), in number order. */
  statementNumbers: z.array(statementNumber).min(1, 'at least one statement').max(VOLUME_SIZE).optional(),
});

export const creditNoteInput = z
  .strictObject({
    ...billRef,
    /** Pre-tax yen credited; its tax follows the bill's rate. */
    amount: positiveYen,
    reason: z.string({ error: 'a reason' }).trim().min(1, 'a reason is required').max(200, 'at most 200 characters'),
  })
  .superRefine(oneBillRef);

export const creditNotePdfInput = z.strictObject({
  creditNoteNumber: z.string({ error: 'a credit note number' }).trim().min(1, 'a credit note number is required'),
});

export const writeStatementsInput = z.strictObject({
  month: billingMonthKey,
  /** The folder on the machine the command line runs on (billing.writeStatements runs only from there). */
  outDir: z.string({ error: 'a folder' }).trim().min(1, 'a folder is required'),
  /** Render threads (default: 2, or 1 on a single core). */
  workers: z
    .number({ error: 'a number of threads' })
    .int('a whole number of threads')
    .min(1, 'at least 1')
    .max(64, 'at most 64')
    .optional(),
});
