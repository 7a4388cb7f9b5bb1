import { z } from 'zod';
import { LEDGER_ACCOUNT_NAMES, type LedgerAccount } from '../../ledger/accounts';
import { JOURNAL_TARGETS } from '../../journal/mapping';
import { calendarDate } from './common';

// Node-free: the renderer validates the mapping form and the export form with these.

export { JOURNAL_TARGETS, type AccountMapping, type JournalTarget } from '../../journal/mapping';
export { LEDGER_ACCOUNT_NAMES, type LedgerAccount } from '../../ledger/accounts';

export const journalTarget = z.enum(JOURNAL_TARGETS, { error: `one of ${JOURNAL_TARGETS.join(', ')}` });

const name = (what: string, min: number) =>
  z
    .string({ error: `a ${what}` })
    .trim()
    .min(min, `a ${what} is required`)
    .max(40, 'at most 40 characters');

const mappedAccount = z.strictObject({
  account: name('勘定科目', 1),
  subAccount: name('補助科目', 0),
  taxCategory: name('税区分', 1),
});

/** Every ledger account of the chart, each mapped (a missing one is refused by the object's own keys). */
export const accountMapping = z.strictObject(
  Object.fromEntries(LEDGER_ACCOUNT_NAMES.map((a) => [a, mappedAccount])) as Record<
    LedgerAccount,
    typeof mappedAccount
  >,
);

export const journalMappingInput = z.strictObject({ target: journalTarget });

export const saveJournalMappingInput = z.strictObject({ target: journalTarget, accounts: accountMapping });

export const journalExportInput = z
  .strictObject({ target: journalTarget, from: calendarDate, to: calendarDate })
  .refine((i) => i.from <= i.to, {
    path: ['to'],
    params: { code: 'date.before_from' },
    message: 'must not be before from',
  });
