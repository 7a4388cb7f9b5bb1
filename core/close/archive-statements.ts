import type { MonthlyStatementData, SellerProfile } from '../documents';
import { archiveDocuments, archivedPdfs } from '../documents/archive-store';
import type { LedgerDb } from '../ledger/open-database';
import type { DocumentKind } from '../ledger/schema';
import { renderStatementPdfs } from './render-pool';

/** Below this many statements, rendering on threads costs more (starting them) than it saves. */
export const STATEMENTS_PER_THREAD = 100;

/** A month-close statement as stored, with what the archive keeps beside its bytes. */
export interface StoredStatement {
  id: number;
  kind: DocumentKind;
  number: string;
  memberId: number;
  issuedAt: string;
  total: number;
  data: MonthlyStatementData;
  /** The seller as set on the statement's issue date (R-TAX-5). */
  seller: SellerProfile;
}

/**
 * The statements' PDFs as kept in the archive, archiving those not archived yet (D-ARCH-1): the close issues
 * hundreds of statements at once and leaves their rendering to here, the one step every door that hands a
 * statement out goes through first, so nothing leaves the back office that the archive does not hold, byte
 * for byte. Missing ones are rendered together on `workers` threads and archived in the caller's transaction.
 */
export async function statementsAsArchived(
  db: LedgerDb,
  statements: StoredStatement[],
  archivedAt: string,
  workers = 1,
): Promise<Map<number, Buffer>> {
  const kept = await archivedPdfs(
    db,
    statements.map((s) => s.id),
  );
  const missing = statements.filter((s) => !kept.has(s.id));
  if (missing.length === 0) return kept;
  const threads = missing.length < STATEMENTS_PER_THREAD ? 1 : workers;
  const pdfs = await renderStatementPdfs(missing, threads);
  await archiveStatements(db, missing, pdfs, archivedAt);
  missing.forEach((s, i) => kept.set(s.id, pdfs[i]!));
  return kept;
}

/** Archives statements just rendered (`pdfs[i]` is `statements[i]`'s PDF), in the caller's transaction. */
export function archiveStatements(
  db: LedgerDb,
  statements: readonly StoredStatement[],
  pdfs: readonly Buffer[],
  archivedAt: string,
): Promise<void> {
  return archiveDocuments(
    db,
    statements.map((s, i) => ({
      facts: {
        documentId: s.id,
        kind: s.kind,
        number: s.number,
        memberId: s.memberId,
        issuedAt: s.issuedAt,
        total: s.total,
      },
      pdf: pdfs[i]!,
    })),
    archivedAt,
  );
}
