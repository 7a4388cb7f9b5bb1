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
  file: string;
  statements: MonthlyStatementData[];
  /** Each statement's seller, as set on its issue date (R-TAX-5). */
  sellers: SellerProfile[];
  combined: boolean;
}

/** Renders one job and writes its PDF (in a worker, or in the calling process). */
export async function runRenderJob(job: RenderJob): Promise<void> {
  const pdf = job.combined
    ? await renderStatementBatch(job.statements, job.sellers)
    : await renderMonthlyStatement(job.statements[0]!, job.sellers[0]!);
  await writeFile(job.file, pdf);
}

parentPort?.on('message', (job: RenderJob) => {
  runRenderJob(job).then(
    () => parentPort!.postMessage({ id: job.id }),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
