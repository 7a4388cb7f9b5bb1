import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors';
import {
  renderMonthlyStatement,
  renderStatementBatch,
  type MonthlyStatementData,
  type SellerProfile,
} from '../documents';
import { sellerAsOf, sellerHistory, sellerOn } from '../parties';
import type { LedgerDb } from '../ledger/open-database';
import { parseMonth } from '../time';
import { renderJobs } from './render-pool';
import { VOLUME_SIZE, volumeCount, volumeFileName } from './volumes';
import type { RenderJob } from './render-worker';

export interface StoredStatement {
  number: string;
  data: MonthlyStatementData;
  /** The seller as set on the statement's issue date (R-TAX-5). */
  seller: SellerProfile;
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
  const history = await sellerHistory(db);
  return rows.map((r) => {
    const data = JSON.parse(r.content) as MonthlyStatementData;
    return { number: r.number, data, seller: sellerOn(history, data.issueDate) };
  });
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
  const data = JSON.parse(row.content) as MonthlyStatementData;
  return renderMonthlyStatement(data, await sellerAsOf(db, data.issueDate));
}

export interface WrittenStatements {
  month: string;
  files: number;
  /** The PDFs for printing: one, or volumes of VOLUME_SIZE statements. */
  combined: string[];
  renderMs: number;
}

export { VOLUME_SIZE, volumeFileName } from './volumes';

export interface WriteStatementsOptions {
  /** Render threads (default 1: this process). */
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

/** The month's key, refused unless the month is closed (its statements exist only then). */
async function closedMonthKey(db: LedgerDb, month: string): Promise<string> {
  const key = parseMonth(month, 'month').key;
  const closed = await db.selectFrom('month_closes').select('closed_at').where('month', '=', key).executeTakeFirst();
  if (!closed?.closed_at)
    throw InputError.one('month', 'month.not_closed', `${key} is not closed: its statements are made by close-month`, {
      month: key,
    });
  return key;
}

export interface StatementVolume {
  month: string;
  /** 1-based; `volumes` in all (VOLUME_SIZE statements each). */
  volume: number;
  volumes: number;
  /** Statements in this volume, and their first and last numbers. */
  statements: number;
  first: string;
  last: string;
  name: string;
  pdf: Buffer;
}

/**
 * One volume of a closed month's statements in one PDF for printing: the same PDF as `statements` writes
 * (`statements-YYYY-MM[-NN].pdf`), rendered again from what was stored at the close.
 */
export async function statementVolume(
  db: LedgerDb,
  month: string,
  volume = 1,
  only?: readonly string[],
): Promise<StatementVolume> {
  const key = await closedMonthKey(db, month);
  const picked = only === undefined ? null : new Set(only);
  const statements = (await monthStatements(db, key)).filter((s) => picked === null || picked.has(s.number));
  if (statements.length === 0)
    throw InputError.one('month', 'month.no_statements', `${key} has no statements to print`, { month: key });
  const volumes = volumeCount(statements.length);
  if (volume > volumes)
    throw InputError.one('volume', 'statement.volume_unknown', `${key} has ${volumes} volume(s) of statements`, {
      month: key,
      volumes,
    });
  const these = statements.slice((volume - 1) * VOLUME_SIZE, volume * VOLUME_SIZE);
  return {
    month: key,
    volume,
    volumes,
    statements: these.length,
    first: these[0]!.number,
    last: these.at(-1)!.number,
    name: volumeFileName(key, volume, volumes),
    pdf: await renderStatementBatch(
      these.map((s) => s.data),
      these.map((s) => s.seller),
    ),
  };
}

/** Writes `NUMBER.pdf` per bill of a closed month and `statements-YYYY-MM.pdf` with them all for printing. */
export async function writeStatements(
  db: LedgerDb,
  month: string,
  outDir: string,
  options: WriteStatementsOptions = {},
): Promise<WrittenStatements> {
  const key = await closedMonthKey(db, month);
  const statements = await monthStatements(db, key);
  await mkdir(outDir, { recursive: true });
  const jobs: RenderJob[] = statements.map((s, i) => ({
    id: i,
    file: path.join(outDir, `${s.number}.pdf`),
    statements: [s.data],
    sellers: [s.seller],
    combined: false,
  }));
  const volumes = volumeCount(statements.length);
  const combined: string[] = [];
  for (let v = 0; v < volumes; v++) {
    const file = path.join(outDir, volumeFileName(key, v + 1, volumes));
    combined.push(file);
    const volume = statements.slice(v * VOLUME_SIZE, (v + 1) * VOLUME_SIZE);
    jobs.push({
      id: statements.length + v,
      file,
      statements: volume.map((s) => s.data),
      sellers: volume.map((s) => s.seller),
      combined: true,
    });
  }
  const started = performance.now();
  let done = 0;
  await renderJobs(jobs, options.workers ?? 1, () => options.onProgress?.(++done, jobs.length));
  return { month: key, files: statements.length, combined, renderMs: performance.now() - started };
}
