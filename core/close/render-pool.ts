import { Worker } from 'node:worker_threads';
import type { MonthlyStatementData, SellerProfile } from '../documents';
import { workerEntry } from '../worker-entry';
import { runRenderJob, type RenderJob, type RenderMessage } from './render-worker';

/**
 * Renders the jobs on `workers` worker threads (PDF rendering is CPU-bound: one per core), biggest jobs first,
 * each worker taking the next job when it is done; in this process when `workers` ≤ 1 or when no worker entry
 * is at hand. `onSingles` gets each job's own PDFs (RenderJob.singles) in order, a part at a time as they are
 * made, with the position of the part's first in RenderJob.singles; `onDone` each job when it is done. Rejects
 * on the first job that fails.
 */
export async function renderJobs(
  jobs: RenderJob[],
  workers: number,
  on: {
    onSingles?: (job: RenderJob, singles: Buffer[], first: number) => void;
    onDone?: (job: RenderJob) => void;
  } = {},
): Promise<void> {
  const handed = new Map<number, number>();
  const handOver = (job: RenderJob, singles: Buffer[]) => {
    const first = handed.get(job.id) ?? 0;
    handed.set(job.id, first + singles.length);
    on.onSingles?.(job, singles, first);
  };
  const queue = [...jobs].sort((a, b) => b.statements.length - a.statements.length);
  const entry = workers > 1 ? workerEntry(import.meta.url, 'render-worker') : undefined;
  if (!entry) {
    for (const job of queue) {
      await runRenderJob(job, (singles) => handOver(job, singles));
      on.onDone?.(job);
    }
    return;
  }
  const byId = new Map(jobs.map((j) => [j.id, j]));
  const threads = Array.from({ length: Math.min(workers, queue.length) }, () => new Worker(entry));
  try {
    await Promise.all(
      threads.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = () => {
              const job = queue.shift();
              if (job) worker.postMessage(job);
              else resolve();
            };
            worker.on('message', (m: RenderMessage) => {
              const job = byId.get(m.id)!;
              if ('error' in m) return reject(new Error(`statements job ${m.id}: ${m.error}`));
              if ('singles' in m)
                return handOver(
                  job,
                  m.singles.map((pdf) => Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)),
                );
              on.onDone?.(job);
              next();
            });
            worker.on('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(threads.map((t) => t.terminate()));
  }
}

/** Statements rendered together per job: few enough to share them out between threads evenly. */
const STATEMENTS_PER_JOB = 50;

/** Each statement's PDF, in the order given, rendered on `workers` threads. */
export async function renderStatementPdfs(
  statements: ReadonlyArray<{ data: MonthlyStatementData; seller: SellerProfile }>,
  workers: number,
): Promise<Buffer[]> {
  const pdfs: Buffer[] = new Array<Buffer>(statements.length);
  const jobs: RenderJob[] = [];
  for (let first = 0; first < statements.length; first += STATEMENTS_PER_JOB) {
    const these = statements.slice(first, first + STATEMENTS_PER_JOB);
    jobs.push({
      id: first,
      statements: these.map((s) => s.data),
      sellers: these.map((s) => s.seller),
      singles: these.map((_, i) => i),
      volumeFile: null,
    });
  }
  await renderJobs(jobs, workers, {
    onSingles: (job, singles, first) => singles.forEach((pdf, i) => (pdfs[job.id + first + i] = pdf)),
  });
  return pdfs;
}
