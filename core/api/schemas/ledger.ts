import { z } from 'zod';
import { LEDGER_ACCOUNT_NAMES } from '../../ledger/accounts';
import { Dec, readYen } from '../../money';
import { calendarDate, memberNumber, positiveYen } from './common';

// core/ledger/accounts is a plain constant (no Node), safe for the renderer.
const ledgerAccount = z.enum(LEDGER_ACCOUNT_NAMES, { error: `one of ${LEDGER_ACCOUNT_NAMES.join(', ')}` });

const adjustmentLine = z.strictObject({
  account: ledgerAccount,
  side: z.enum(['debit', 'credit'], { error: 'debit or credit' }),
  amount: positiveYen,
  memberNumber: memberNumber.optional(),
});

export const postAdjustmentInput = z
  .strictObject({
    memo: z
      .string({ error: 'a memo' })
      .trim()
      .min(1, 'a memo saying why is required')
      .max(500, 'at most 500 characters'),
    lines: z.array(adjustmentLine).min(2, 'a posting needs at least two lines'),
  })
  .superRefine((input, ctx) => {
    let debits = new Dec(0);
    let credits = new Dec(0);
    for (const line of input.lines) {
      // zod runs this refinement even when a line failed its own schema: a bad amount is named there already.
      const read = readYen(line.amount, { zero: false });
      if (!read.ok) return;
      if (line.side === 'debit') debits = debits.plus(read.yen);
      else credits = credits.plus(read.yen);
    }
    if (!debits.equals(credits)) {
      ctx.addIssue({
        code: 'custom',
        path: ['lines'],
        params: { code: 'posting.unbalanced', debits: debits.toFixed(), credits: credits.toFixed() },
        message: `unbalanced: debits ${debits.toFixed()} yen, credits ${credits.toFixed()} yen`,
      });
    }
  });

export const trialBalanceInput = z.strictObject({});

export const accountStatementInput = z
  .strictObject({ account: ledgerAccount, from: calendarDate, to: calendarDate })
  .refine((i) => i.from <= i.to, {
    path: ['to'],
    params: { code: 'date.before_from' },
    message: 'must not be before from',
  });

/** A file on the machine the command line runs on (ledger.backup runs only from there). */
const newFile = z.string({ error: 'a file name' }).trim().min(1, 'a file name is required');

export const backupInput = z.strictObject({ to: newFile });
