import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../errors';
import { renderStatementBatch, type MonthlyStatementData } from '../documents';
import { sellerHistory, sellerOn } from '../parties';
import type { LedgerDb } from '../ledger/open-database';
import { parseMonth } from '../time';
import { renderJobs } from './render-pool';
import { VOLUME_SIZE, volumeCount, volumeFileName } from './volumes';
import type { RenderJob } from './render-worker';
import {
  archiveStatements,
  statementsAsArchived,
  STATEMENTS_PER_THREAD,
  type StoredStatement,
} from './archive-statements';
import { archivedPdfs } from '../documents/archive-store';

export type { StoredStatement } from './archive-statements';

/** A month's statements as stored at the close (`where`: one by number), in number order. */
async function storedStatements(
  db: LedgerDb,
  where: { month: string } | { number: string },
): Promise<StoredStatement[]> {
  let query = db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .select([
      'documents.id',
      'documents.kind',
      'documents.number',
      'documents.member_id',
      'documents.issued_at',
      'documents.total',
      'documents.content',
    ])
    .where('documents.kind', '=', 'statement');
  query =
    'month' in where
      ? query.where('bills.month', '=', where.month)
      : query.where('documents.number', '=', where.number);
  const rows = await query.orderBy('documents.number').execute();
  const history = await sellerHistory(db);
  return rows.map((r) => {
    const data = JSON.parse(r.content) as MonthlyStatementData;
    return {
      id: r.id,
      kind: r.kind,
      number: r.number,
      memberId: r.member_id,
      issuedAt: r.issued_at,
      total: Number(r.total),
      data,
      seller: sellerOn(history, data.issueDate),
    };
  });
}

/** A month's statements as stored at the close, in number order. */
export function monthStatements(db: LedgerDb, month: string): Promise<StoredStatement[]> {
  return storedStatements(db, { month: parseMonth(month, 'month').key });
}

/** One statement's PDF as archived (archived now if this is the first time it leaves, D-ARCH-1). */
export async function statementPdf(db: LedgerDb, number: string, now: Date): Promise<Buffer> {
  const [statement] = await storedStatements(db, { number });
  if (!statement)
    throw InputError.one('statementNumber', 'statement.not_found', `no statement ${number}`, {
      statementNumber: number,
    });
  const pdfs = await statementsAsArchived(db, [statement], now.toISOString());
  return pdfs.get(statement.id)!;
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
  /** When the statements not archived yet are archived (D-ARCH-1). */
  now: Date;
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
  now: Date,
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
  await statementsAsArchived(db, these, now.toISOString());
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

/**
 * Writes `NUMBER.pdf` per bill of a closed month and `statements-YYYY-MM[-NN].pdf` with them all for printing.
 * Each statement's file is its archived PDF, byte for byte: those never archived are rendered and archived first
 * (D-ARCH-1), each in the same job as the volume for printing that holds it, so a statement is laid out once for
 * both. The threads hand statements over a hundred at a time, archived, then written, while they draw on.
 */
export async function writeStatements(
  db: LedgerDb,
  month: string,
  outDir: string,
  options: WriteStatementsOptions,
): Promise<WrittenStatements> {
  const key = await closedMonthKey(db, month);
  const statements = await monthStatements(db, key);
  await mkdir(outDir, { recursive: true });
  const started = performance.now();
  const archivedAt = options.now.toISOString();
  const kept = await archivedPdfs(
    db,
    statements.map((s) => s.id),
  );
  const volumes = volumeCount(statements.length);
  const combined: string[] = [];
  const jobs: RenderJob[] = [];
  for (let v = 0; v < volumes; v++) {
    const file = path.join(outDir, volumeFileName(key, v + 1, volumes));
    combined.push(file);
    const volume = statements.slice(v * VOLUME_SIZE, (v + 1) * VOLUME_SIZE);
    jobs.push({
      id: v,
      statements: volume.map((s) => s.data),
      sellers: volume.map((s) => s.seller),
      singles: volume.flatMap((s, i) => (kept.has(s.id) ? [] : [i])),
      volumeFile: file,
    });
  }
  const total = statements.length + volumes;
  let done = 0;
  options.onProgress?.(done, total);
  const volumeOf = (job: RenderJob) => statements.slice(job.id * VOLUME_SIZE, (job.id + 1) * VOLUME_SIZE);
  /** Archives and writes the job's own PDFs just handed over, `first` being the first's place in job.singles. */
  const storeSingles = async (job: RenderJob, singles: Buffer[], first: number) => {
    const volume = volumeOf(job);
    const rendered = job.singles.slice(first, first + singles.length).map((i) => volume[i]!);
    await archiveStatements(db, rendered, singles, archivedAt);
    for (const [i, s] of rendered.entries()) await writeFile(path.join(outDir, `${s.number}.pdf`), singles[i]!);
    done += rendered.length;
    options.onProgress?.(done, total);
  };
  /** Writes the job's statements archived before, and counts its PDF for printing. */
  const finishJob = async (job: RenderJob) => {
    const volume = volumeOf(job);
    const rendered = new Set(job.singles);
    for (const [i, s] of volume.entries())
      if (!rendered.has(i)) await writeFile(path.join(outDir, `${s.number}.pdf`), kept.get(s.id)!);
    done += volume.length - rendered.size + 1;
    options.onProgress?.(done, total);
  };
  // What the threads hand over is stored while they draw on, one part at a time, in the caller's transaction;
  // after a failed store nothing more is stored, and the failure is thrown once rendering ends.
  let stored = Promise.resolve();
  let failure: { error: unknown } | null = null;
  const inTurn = (step: () => Promise<void>) => {
    stored = stored
      .then(() => (failure ? undefined : step()))
      .catch((error: unknown) => {
        failure ??= { error };
      });
  };
  try {
    await renderJobs(jobs, statements.length < STATEMENTS_PER_THREAD ? 1 : (options.workers ?? 1), {
      onSingles: (job, singles, first) => inTurn(() => storeSingles(job, singles, first)),
      onDone: (job) => inTurn(() => finishJob(job)),
    });
  } finally {
    await stored;
  }
  if (failure) throw (failure as { error: unknown }).error;
  return { month: key, files: statements.length, combined, renderMs: performance.now() - started };
}
