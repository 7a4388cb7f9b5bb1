import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import type { BankImportOutcome } from '../ledger/schema';
import { yenFromDb } from '../ledger/yen';
import type { ImportLine } from './import-file';
import { summarize, type ImportSummary } from './summary';
import { readCandidates } from './candidate-text';

/** Why a line was not matched, as stored with it at the import. */
export type ReportLineDetail = Pick<ImportLine, 'reason' | 'message' | 'candidates'>;

export interface ReportLine {
  record: number;
  reference: string;
  amount: string;
  payer: string;
  outcome: BankImportOutcome;
  depositId: number | null;
  target: string | null;
  fee: string;
  detail: ReportLineDetail | null;
}

export interface ImportReport {
  importId: number;
  fileName: string;
  format: string;
  digest: string;
  importedAt: string;
  importedBy: string | null;
  feeTolerance: string;
  recordCount: number;
  summary: ImportSummary;
  /** The lines of the page asked for, in file order (only those of `outcome` when given). */
  lines: ReportLine[];
  total: number;
}

/**
 * What became of one import's records (R-RECON-5): matched automatically, held, awaiting review, unknown,
 * cancelled, already recorded. Without an id, the latest import.
 */
export async function importReport(
  db: LedgerDb,
  input: { importId?: number; outcome?: BankImportOutcome; page: number; pageSize: number },
): Promise<ImportReport> {
  let query = db.selectFrom('bank_imports').selectAll();
  query = input.importId === undefined ? query.orderBy('id', 'desc').limit(1) : query.where('id', '=', input.importId);
  const imported = await query.executeTakeFirst();
  if (!imported)
    throw input.importId === undefined
      ? InputError.one('importId', 'bank_import.none_yet', 'no bank file was imported yet')
      : InputError.one('importId', 'bank_import.not_found', `no import ${input.importId}`, {
          importId: input.importId,
        });
  const all = await db
    .selectFrom('bank_import_lines')
    .select(['outcome', 'amount', 'fee'])
    .where('import_id', '=', imported.id)
    .execute();
  let lines = db.selectFrom('bank_import_lines').selectAll().where('import_id', '=', imported.id);
  if (input.outcome !== undefined) lines = lines.where('outcome', '=', input.outcome);
  const page = await lines
    .orderBy('record_no')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  const total = input.outcome === undefined ? all.length : all.filter((l) => l.outcome === input.outcome).length;
  return {
    importId: imported.id,
    fileName: imported.file_name,
    format: imported.format,
    digest: imported.content_digest,
    importedAt: imported.imported_at,
    importedBy: imported.imported_by,
    feeTolerance: String(imported.fee_tolerance),
    recordCount: imported.record_count,
    summary: summarize(all),
    lines: page.map((l) => ({
      record: l.record_no,
      reference: l.bank_reference,
      amount: yenFromDb(l.amount).toFixed(),
      payer: l.payer,
      outcome: l.outcome,
      depositId: l.deposit_id,
      target: l.target,
      fee: yenFromDb(l.fee).toFixed(),
      detail: l.detail === null ? null : detailOf(l.detail, l.amount),
    })),
    total,
  };
}

/** A line's stored detail, its candidates as the operations give them (D-RECON-9). */
function detailOf(detail: string, amount: number): ReportLineDetail {
  const stored = JSON.parse(detail) as Omit<ReportLineDetail, 'candidates'> & { candidates?: unknown[] };
  if (stored.candidates === undefined) return stored as ReportLineDetail;
  return { ...stored, candidates: readCandidates(stored.candidates, yenFromDb(amount)) };
}
