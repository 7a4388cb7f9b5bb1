import { exportJournal } from '../../journal/export';
import { currentMapping, mappingHistory, saveMapping } from '../../journal/mapping-store';
import { parseDate } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { journalExportInput, journalMappingInput, saveJournalMappingInput } from '../schemas/journal';

/** journal.mapping: the mapping in force for a package and its saved versions (newest first). */
const mapping = defineOperation({
  name: 'journal.mapping',
  roles: ['accounting', 'supervisor', 'admin'],
  input: journalMappingInput,
  audited: false,
  handler: async (ctx, input) => ({
    current: await currentMapping(ctx.db, input.target),
    history: await mappingHistory(ctx.db, input.target),
  }),
});

/**
 * journal.saveMapping: the administrator sets how our accounts read in a package (D-JRN-3: a new version,
 * audited with its input).
 */
const save = defineOperation({
  name: 'journal.saveMapping',
  roles: ['admin'],
  input: saveJournalMappingInput,
  audited: true,
  handler: (ctx, input) =>
    saveMapping(ctx.db, input.target, input.accounts, ctx.now.toISOString(), ctx.operator?.login ?? null),
});

/**
 * journal.export: the journal of a date range as the package's import file (`file`: saved by the screen, written
 * by `backoffice export-journal`). Audited: the books leaving the system is an event (cf. D-API-2).
 */
const exportOperation = defineOperation({
  name: 'journal.export',
  roles: ['accounting'],
  input: journalExportInput,
  audited: true,
  handler: async (ctx, input) => {
    const { bytes, name, mediaType, ...summary } = await exportJournal(
      ctx.db,
      input.target,
      parseDate(input.from)!,
      parseDate(input.to)!,
    );
    return { ...summary, file: { name, mediaType, base64: bytes.toString('base64') } };
  },
});

export const journalApp = {
  domain: 'journal',
  operations: [mapping, save, exportOperation],
} as const satisfies OperationApp;
