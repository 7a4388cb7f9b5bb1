import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors';
import { renderMonthlyStatement, type MonthlyStatementData } from '../documents';
import type { LedgerDb } from '../ledger/open-database';
import { parseMonth } from '../time';
import { renderJobs } from './render-pool';
import type { RenderJob } from './render-worker';

export interface StoredStatement {
  number: string;
  data: MonthlyStatementData;
}

/** A month's statements as stored at the close, in number order. */
export async function monthStatements(db: LedgerDb, month: string): Promise<StoredStatement[]> {
  const key = parseMonth(month, 'month').key;
  const rows = await db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .select(['documents.number', 'documents.content'])
    .where('documents.kind', '=', 'statement')
    .where('bills.month', '=', key)
    .orderBy('documents.number')
    .execute();
  return rows.map((r) => ({ number: r.number, data: JSON.parse(r.content) as MonthlyStatementData }));
}

/** One statement's PDF, rendered again from what was stored at the close. */
export async function statementPdf(db: LedgerDb, number: string): Promise<Buffer> {
  const row = await db
    .selectFrom('documents')
    .select('content')
    .where('kind', '=', 'statement')
    .where('number', '=', number)
    .executeTakeFirst();
  if (!row)
    throw InputError.one('statementNumber', 'statement.not_found', `no statement ${number}`, {
      statementNumber: number,
    });
  return renderMonthlyStatement(JSON.parse(row.content) as MonthlyStatementData);
}

export interface WrittenStatements {
  month: string;
  files: number;
  /** The PDFs for printing: one, or volumes of VOLUME_SIZE statements. */
  combined: string[];
  renderMs: number;
}

/**
 * Decision: the PDF for printing holds at most 1,000 statements; a bigger month gets volumes
 * (statements-2026-10-01.pdf, -02…). Reason: a 10,000-page print job is unwieldy for the printer and the
 * person at it, and volumes render in parallel.
 */
export const VOLUME_SIZE = 1000;

export interface WriteStatementsOptions {
  /** Render threads (default 1: this process). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Writes `NUMBER.pdf` per bill of a closed month and `statements-YYYY-MM.pdf` with them all for printing. */
export async function writeStatements(
  db: LedgerDb,
  month: string,
  outDir: string,
  options: WriteStatementsOptions = {},
): Promise<WrittenStatements> {
  const key = parseMonth(month, 'month').key;
  const closed = await db.selectFrom('month_closes').select('closed_at').where('month', '=', key).executeTakeFirst();
  if (!closed?.closed_at)
    throw InputError.one('month', 'month.not_closed', `${key} is not closed: its statements are made by close-month`, {
      month: key,
    });
  const statements = await monthStatements(db, key);
  await mkdir(outDir, { recursive: true });
  const jobs: RenderJob[] = statements.map((s, i) => ({
    id: i,
    file: path.join(outDir, `${s.number}.pdf`),
    statements: [s.data],
    combined: false,
  }));
  const volumes = Math.ceil(statements.length / VOLUME_SIZE);
  const combined: string[] = [];
  for (let v = 0; v < volumes; v++) {
    const file = path.join(
      outDir,
      volumes === 1 ? `statements-${key}.pdf` : `statements-${key}-${String(v + 1).padStart(2, '0')}.pdf`,
    );
    combined.push(file);
    jobs.push({
      id: statements.length + v,
      file,
      statements: statements.slice(v * VOLUME_SIZE, (v + 1) * VOLUME_SIZE).map((s) => s.data),
      combined: true,
    });
  }
  const started = performance.now();
  let done = 0;
  await renderJobs(jobs, options.workers ?? 1, () => options.onProgress?.(++done, jobs.length));
  return { month: key, files: statements.length, combined, renderMs: performance.now() - started };
}
