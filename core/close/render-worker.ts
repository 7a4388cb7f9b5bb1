import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { buildDocuments, CombinedPdf, renderBuilt, type MonthlyStatementData, type SellerProfile } from '../documents';

/**
 * A render job of the statement pool: statements, each drawn as its own PDF where asked (`singles`) and all of
 * them together as one PDF for printing where asked (`volumeFile`).
 */
export interface RenderJob {
  id: number;
  statements: MonthlyStatementData[];
  /** Each statement's seller, as set on its issue date (R-TAX-5). */
  sellers: SellerProfile[];
  /** The statements (their indexes, ascending) whose own PDF the job hands back, in this order. */
  singles: number[];
  /** Where to write the statements together as one PDF for printing; null: no such PDF. */
  volumeFile: string | null;
}

/**
 * Renders one job: the PDFs asked for, handed back, and the PDF for printing, written. Each statement is drawn
 * into the PDF for printing right after its own PDF, so its words and lines are laid out once for both
 * (shared-layout.ts, shared-wraps.ts): the bytes are those of each drawn alone.
 */
export async function runRenderJob(job: RenderJob): Promise<Buffer[]> {
  const built = buildDocuments(
    job.statements.map((data) => ({ kind: 'monthly_statement' as const, data })),
    job.sellers,
  );
  const volume = job.volumeFile === null ? null : new CombinedPdf(built);
  const singles: Buffer[] = [];
  let next = 0;
  for (let i = 0; i < built.length; i++) {
    if (job.singles[next] === i) {
      singles.push(await renderBuilt(built[i]!));
      next++;
    }
    volume?.appendNext();
  }
  if (next !== job.singles.length) throw new Error(`render job ${job.id}: singles out of order or out of range`);
  if (volume) await writeFile(job.volumeFile!, await volume.finish());
  return singles;
}

/** A PDF's bytes moved to the other thread rather than copied, when they own their whole memory. */
function movable(pdf: Buffer): ArrayBuffer[] {
  return pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer as ArrayBuffer] : [];
}

parentPort?.on('message', (job: RenderJob) => {
  runRenderJob(job).then(
    (singles) => parentPort!.postMessage({ id: job.id, singles }, singles.flatMap(movable)),
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
