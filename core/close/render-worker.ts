import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import {
  renderMonthlyStatement,
  renderStatementBatch,
  type MonthlyStatementData,
  type SellerProfile,
} from '../documents';

/** A render job of the statement pool: one statement, or a volume of statements in one PDF for printing. */
export interface RenderJob {
  id: number;
  /** Where to write the PDF; null: hand its bytes back (the close archives them). */
  file: string | null;
  statements: MonthlyStatementData[];
  /** Each statement's seller, as set on its issue date (R-TAX-5). */
  sellers: SellerProfile[];
  combined: boolean;
}

/** Renders one job and writes its PDF, or returns it (in a worker, or in the calling process). */
export async function runRenderJob(job: RenderJob): Promise<Buffer | null> {
  const pdf = job.combined
    ? await renderStatementBatch(job.statements, job.sellers)
    : await renderMonthlyStatement(job.statements[0]!, job.sellers[0]!);
  if (job.file === null) return pdf;
  await writeFile(job.file, pdf);
  return null;
}

parentPort?.on('message', (job: RenderJob) => {
  runRenderJob(job).then(
    (pdf) => parentPort!.postMessage({ id: job.id, pdf }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
