import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors';
import { renderMonthlyStatement, renderStatementBatch, type MonthlyStatementData } from '../documents';
import type { LedgerDb } from '../ledger/open-database';
import { parseMonth } from '../time';

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
  const row = await db.selectFrom('documents').select('content').where('kind', '=', 'statement').where('number', '=', number).executeTakeFirst();
  if (!row) throw InputError.one('statementNumber', `no statement ${number}`);
  return renderMonthlyStatement(JSON.parse(row.content) as MonthlyStatementData);
}

export interface WrittenStatements {
  month: string;
  files: number;
  combined: string | null;
  renderMs: number;
}

/**
 * Writes `NUMBER.pdf` per bill of a closed month and `statements-YYYY-MM.pdf` with them all for printing.
 */
export async function writeStatements(
  db: LedgerDb,
  month: string,
  outDir: string,
  onProgress?: (done: number, total: number) => void,
): Promise<WrittenStatements> {
  const key = parseMonth(month, 'month').key;
  const closed = await db.selectFrom('month_closes').select('closed_at').where('month', '=', key).executeTakeFirst();
  if (!closed?.closed_at) throw InputError.one('month', `${key} is not closed: its statements are made by close-month`);
  const statements = await monthStatements(db, key);
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  let done = 0;
  for (const s of statements) {
    await writeFile(path.join(outDir, `${s.number}.pdf`), await renderMonthlyStatement(s.data));
    onProgress?.(++done, statements.length);
  }
  let combined: string | null = null;
  if (statements.length > 0) {
    combined = path.join(outDir, `statements-${key}.pdf`);
    await writeFile(combined, await renderStatementBatch(statements.map((s) => s.data)));
  }
  return { month: key, files: statements.length, combined, renderMs: performance.now() - started };
}
