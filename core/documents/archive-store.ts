import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { LedgerDb } from '../ledger/open-database';
import type { DocumentKind } from '../ledger/schema';
import { nameSearchKey } from '../kana/search-keys';
import { formatDate, jstDate } from '../time';

/**
 * The archive of issued documents (電子帳簿保存法): each document's PDF as issued, stored once with its SHA-256,
 * never changed or deleted (the database refuses it: migration 0012), searchable by issue date, amount and
 * counterparty in combination. Decisions: README.md beside this file (D-ARCH-*).
 */

/** What the archive keeps of a document besides its bytes, copied as of the issue. */
export interface ArchivedDocumentFacts {
  documentId: number;
  kind: DocumentKind;
  number: string;
  memberId: number;
  /** UTC ISO instant of the issue; the archive keeps its JST date. */
  issuedAt: string;
  /** The document's total in integer yen. */
  total: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Archives documents' PDFs in the caller's transaction (the one that issues them, D-ARCH-1). The member's name
 * is read once per member of the batch.
 */
export async function archiveDocuments(
  db: LedgerDb,
  documents: { facts: ArchivedDocumentFacts; pdf: Uint8Array }[],
  archivedAt: string,
): Promise<void> {
  if (documents.length === 0) return;
  const memberIds = [...new Set(documents.map((d) => d.facts.memberId))];
  const names = new Map<number, string>();
  for (let i = 0; i < memberIds.length; i += 500) {
    const rows = await db
      .selectFrom('members')
      .select(['id', 'name'])
      .where('id', 'in', memberIds.slice(i, i + 500))
      .execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  const rows = documents.map(({ facts, pdf }) => {
    const counterparty = names.get(facts.memberId);
    if (counterparty === undefined) throw new Error(`document ${facts.number}: no member ${facts.memberId}`);
    return {
      document_id: facts.documentId,
      kind: facts.kind,
      number: facts.number,
      issued_on: formatDate(jstDate(Date.parse(facts.issuedAt))),
      amount: facts.total,
      member_id: facts.memberId,
      counterparty,
      counterparty_key: nameSearchKey(counterparty),
      sha256: sha256Hex(pdf),
      size: pdf.byteLength,
      pdf_base64: Buffer.from(pdf).toString('base64'),
      archived_at: archivedAt,
    };
  });
  // A few hundred rows of ~50 KiB each per statement keeps one INSERT well under both engines' limits.
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('document_archive')
      .values(rows.slice(i, i + 100))
      .execute();
}

/** A document's PDF as archived, or null when it was issued before the archive existed (D-ARCH-4). */
export async function archivedPdf(db: LedgerDb, documentId: number): Promise<Buffer | null> {
  const row = await db
    .selectFrom('document_archive')
    .select('pdf_base64')
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return row ? Buffer.from(row.pdf_base64, 'base64') : null;
}

/** The archived PDFs of these documents, by document id (those without one left out). */
export async function archivedPdfs(db: LedgerDb, documentIds: number[]): Promise<Map<number, Buffer>> {
  const out = new Map<number, Buffer>();
  for (let i = 0; i < documentIds.length; i += 500) {
    const rows = await db
      .selectFrom('document_archive')
      .select(['document_id', 'pdf_base64'])
      .where('document_id', 'in', documentIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.document_id, Buffer.from(r.pdf_base64, 'base64'));
  }
  return out;
}

export interface ArchiveSearch {
  /** JST dates, both included. */
  issuedFrom?: string;
  issuedTo?: string;
  /** Integer yen, both included. */
  amountMin?: number;
  amountMax?: number;
  /** Part of the counterparty's name (as nameSearchKey folds it), or a member number exactly. */
  counterparty?: string;
  kind?: DocumentKind;
  page: number;
  pageSize: number;
}

export interface ArchiveEntry {
  documentId: number;
  kind: DocumentKind;
  number: string;
  issuedOn: string;
  amount: number;
  counterparty: string;
  memberNumber: string;
  sha256: string;
  size: number;
  archivedAt: string;
}

/** LIKE's own characters taken literally (with `escape '\'`). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The archive's documents meeting every criterion given (date range, amount range, counterparty), newest issue
 * first, a page at a time, with how many there are in all.
 */
export async function searchArchive(
  db: LedgerDb,
  search: ArchiveSearch,
): Promise<{ items: ArchiveEntry[]; total: number; page: number; pageSize: number }> {
  let query = db.selectFrom('document_archive').innerJoin('members', 'members.id', 'document_archive.member_id');
  if (search.issuedFrom) query = query.where('document_archive.issued_on', '>=', search.issuedFrom);
  if (search.issuedTo) query = query.where('document_archive.issued_on', '<=', search.issuedTo);
  if (search.amountMin !== undefined) query = query.where('document_archive.amount', '>=', search.amountMin);
  if (search.amountMax !== undefined) query = query.where('document_archive.amount', '<=', search.amountMax);
  if (search.kind) query = query.where('document_archive.kind', '=', search.kind);
  const party = search.counterparty?.trim();
  if (party) {
    const key = `%${likeLiteral(nameSearchKey(party))}%`;
    query = query.where((eb) =>
      eb.or([
        eb('members.member_number', '=', party),
        sql<boolean>`document_archive.counterparty_key like ${key} escape '\\'`,
      ]),
    );
  }
  const counted = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  const rows = await query
    .select([
      'document_archive.document_id',
      'document_archive.kind',
      'document_archive.number',
      'document_archive.issued_on',
      'document_archive.amount',
      'document_archive.counterparty',
      'members.member_number',
      'document_archive.sha256',
      'document_archive.size',
      'document_archive.archived_at',
    ])
    .orderBy('document_archive.issued_on', 'desc')
    .orderBy('document_archive.document_id', 'desc')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return {
    items: rows.map((r) => ({
      documentId: r.document_id,
      kind: r.kind,
      number: r.number,
      issuedOn: r.issued_on,
      amount: Number(r.amount),
      counterparty: r.counterparty,
      memberNumber: r.member_number,
      sha256: r.sha256,
      size: Number(r.size),
      archivedAt: r.archived_at,
    })),
    total: Number(counted?.n ?? 0),
    page: search.page,
    pageSize: search.pageSize,
  };
}

export interface ArchiveVerification {
  /** Archived documents whose bytes were hashed again. */
  checked: number;
  /** Those whose bytes no longer hash to the SHA-256 stored with them. */
  differing: { documentId: number; number: string; stored: string; actual: string }[];
  /** Issued documents with no archived PDF (issued before the archive existed, D-ARCH-4). */
  notArchived: { documentId: number; number: string }[];
  /** Month-close statements not sent yet: archived when they first leave (D-ARCH-1); not a fault. */
  awaitingFirstSend: number;
  ok: boolean;
}

/** Re-hashes every archived PDF, a chunk at a time, and lists any that differ from the hash stored with it. */
export async function verifyArchive(db: LedgerDb): Promise<ArchiveVerification> {
  const differing: ArchiveVerification['differing'] = [];
  let checked = 0;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('document_archive')
      .select(['document_id', 'number', 'sha256', 'pdf_base64'])
      .where('document_id', '>', after)
      .orderBy('document_id')
      .limit(200)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const actual = sha256Hex(Buffer.from(r.pdf_base64, 'base64'));
      if (actual !== r.sha256)
        differing.push({ documentId: r.document_id, number: r.number, stored: r.sha256, actual });
    }
    checked += rows.length;
    after = rows.at(-1)!.document_id;
  }
  const unarchived = await db
    .selectFrom('documents')
    .leftJoin('document_archive', 'document_archive.document_id', 'documents.id')
    .select(['documents.id', 'documents.number', 'documents.kind', 'documents.bill_id'])
    .where('document_archive.document_id', 'is', null)
    .orderBy('documents.id')
    .execute();
  const awaiting = (r: (typeof unarchived)[number]) => r.kind === 'statement' && r.bill_id !== null;
  const notArchived = unarchived.filter((r) => !awaiting(r)).map((r) => ({ documentId: r.id, number: r.number }));
  return {
    checked,
    differing,
    notArchived,
    awaitingFirstSend: unarchived.filter(awaiting).length,
    ok: differing.length === 0 && notArchived.length === 0,
  };
}
