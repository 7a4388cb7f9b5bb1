import type { LedgerDb } from '../ledger/open-database';
import type { DocumentKind } from '../ledger/schema';
import { archiveDocuments } from './archive-store';

/** A document as issued: its number, whom it is for, its amounts in integer yen and what its PDF shows. */
export interface IssuedDocument {
  kind: DocumentKind;
  /** Allocated in the issuing transaction (ledger/counters nextDocumentNumber). */
  number: string;
  memberId: number;
  cloudAccountId?: number | null;
  billId?: number | null;
  /** The estimate a statement bills, the statement a notice answers. */
  relatedDocumentId?: number | null;
  /** UTC ISO instant. */
  issuedAt: string;
  /** JST date YYYY-MM-DD a payment is due (statements). */
  dueDate?: string | null;
  subtotal: number;
  tax: number;
  total: number;
  /** Everything the PDF shows, stored so that it renders again identically. */
  content: unknown;
  createdBy: string | null;
  /**
   * The PDF as issued, archived in this transaction (電子帳簿保存法, D-ARCH-1); or `at first send` for the
   * month close's statements, archived by every door that hands one out before it leaves the back office
   * (core/close/archive-statements.ts), which keeps the close fast.
   */
  pdf: Uint8Array | 'at first send';
}

/**
 * Issues a document: the one writer of the `documents` table (estimates, prepaid statements, prepaid ID
 * notices, monthly statements), in the caller's transaction, with its PDF kept as issued in the archive
 * (archive-store.ts). Returns its id.
 */
export async function issueDocument(db: LedgerDb, d: IssuedDocument): Promise<number> {
  const { id } = await db
    .insertInto('documents')
    .values({
      kind: d.kind,
      number: d.number,
      member_id: d.memberId,
      cloud_account_id: d.cloudAccountId ?? null,
      bill_id: d.billId ?? null,
      related_document_id: d.relatedDocumentId ?? null,
      status: 'issued',
      issued_at: d.issuedAt,
      due_date: d.dueDate ?? null,
      subtotal: d.subtotal,
      tax: d.tax,
      total: d.total,
      content: JSON.stringify(d.content),
      created_by: d.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (d.pdf !== 'at first send') await archiveDocuments(db, [{ facts: archiveFacts(id, d), pdf: d.pdf }], d.issuedAt);
  return id;
}

/** What the archive keeps beside a document's bytes. */
export function archiveFacts(documentId: number, d: IssuedDocument) {
  return {
    documentId,
    kind: d.kind,
    number: d.number,
    memberId: d.memberId,
    issuedAt: d.issuedAt,
    total: d.total,
  };
}
