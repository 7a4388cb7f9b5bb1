import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MonthlyStatementData, SellerProfile } from '../documents';
import { runRenderJob, type RenderJob } from './render-worker';

/**
 * A worker's entry. From the `backoffice` command's bundle: the render worker compiled beside it
 * (scripts/cli-build.mjs); undefined in a bundle without one (Electron's main process renders in itself).
 * From the .ts source (tests, benchmarks): registers tsx's loader (the workers do not inherit the parent's)
 * and loads the TypeScript render worker.
 */
function workerEntry(): URL | undefined {
  if (!import.meta.url.endsWith('.ts')) {
    const compiled = new URL('./render-worker.cjs', import.meta.url);
    return existsSync(fileURLToPath(compiled)) ? compiled : undefined;
  }
  // require.resolve gives the CommonJS build; its ES module sibling is the one a module worker can import.
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const worker = new URL('./render-worker.ts', import.meta.url).href;
  const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(worker)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/**
 * Renders the jobs on `workers` worker threads (PDF rendering is CPU-bound: one per core), biggest jobs first,
 * each worker taking the next job when it is done; in this process when `workers` ≤ 1 or when no worker entry
 * is at hand. Rejects on the first job that fails.
 */
export async function renderJobs(
  jobs: RenderJob[],
  workers: number,
  onDone?: (job: RenderJob, pdf: Buffer | null) => void,
): Promise<void> {
  const queue = [...jobs].sort((a, b) => b.statements.length - a.statements.length);
  const entry = workers > 1 ? workerEntry() : undefined;
  if (!entry) {
    for (const job of queue) onDone?.(job, await runRenderJob(job));
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
            worker.on('message', (m: { id: number; pdf?: Uint8Array | null; error?: string }) => {
              if (m.error) return reject(new Error(`statement ${byId.get(m.id)?.file ?? m.id}: ${m.error}`));
              onDone?.(byId.get(m.id)!, m.pdf ? Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength) : null);
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

/** Each statement's PDF, in the order given, rendered on `workers` threads (render jobs that hand bytes back). */
export async function renderStatementPdfs(
  statements: ReadonlyArray<{ data: MonthlyStatementData; seller: SellerProfile }>,
  workers: number,
): Promise<Buffer[]> {
  const pdfs: Buffer[] = new Array<Buffer>(statements.length);
  const jobs = statements.map((s, id): RenderJob => ({
    id,
    file: null,
    statements: [s.data],
    sellers: [s.seller],
    combined: false,
  }));
  await renderJobs(jobs, workers, (job, pdf) => {
    if (!pdf) throw new Error(`render job ${job.id} handed back no PDF`);
    pdfs[job.id] = pdf;
  });
  return pdfs;
}
