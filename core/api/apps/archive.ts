import { archivedPdf, searchArchive, verifyArchive } from '../../documents/archive-store';
import { InputError } from '../../errors';
import { pdfOutput } from '../file-output';
import { defineOperation, type OperationApp } from '../operation';
import { archiveSearchInput, archivedDocumentInput, archiveVerifyInput } from '../schemas/archive';

/** Who keeps and audits the books may search them; sales and the administrator have no business there. */
const KEEPERS = ['accounting', 'supervisor'] as const;

/** archive.search: issued documents by issue date, amount and counterparty, in combination (電子帳簿保存法). */
const search = defineOperation({
  name: 'archive.search',
  roles: [...KEEPERS],
  input: archiveSearchInput,
  audited: false,
  handler: (ctx, input) =>
    searchArchive(ctx.db, {
      ...input,
      amountMin: input.amountMin === undefined ? undefined : Number(input.amountMin),
      amountMax: input.amountMax === undefined ? undefined : Number(input.amountMax),
    }),
});

/** archive.pdf: a document's PDF exactly as it was issued, from the archive. */
const pdf = defineOperation({
  name: 'archive.pdf',
  roles: [...KEEPERS],
  input: archivedDocumentInput,
  audited: false,
  handler: async (ctx, input) => {
    const bytes = await archivedPdf(ctx.db, input.documentId);
    const doc = await ctx.db
      .selectFrom('documents')
      .select('number')
      .where('id', '=', input.documentId)
      .executeTakeFirst();
    if (!bytes || !doc)
      throw InputError.one('documentId', 'archive.not_archived', `document ${input.documentId} has no archived PDF`, {
        documentId: input.documentId,
      });
    return pdfOutput(`${doc.number}.pdf`, bytes);
  },
});

/**
 * archive.verify: every archived PDF hashed again and compared with the SHA-256 stored with it. Audited: the
 * check itself is evidence that the books were kept (電子帳簿保存法's 真実性).
 */
const verify = defineOperation({
  name: 'archive.verify',
  roles: ['accounting', 'supervisor', 'admin'],
  input: archiveVerifyInput,
  audited: true,
  handler: (ctx) => verifyArchive(ctx.db),
});

export const archiveApp = { domain: 'archive', operations: [search, pdf, verify] } as const satisfies OperationApp;
