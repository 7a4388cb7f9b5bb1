import { writeFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import {
  buildDocuments,
  CombinedPdf,
  drawBuilt,
  finishPdf,
  renderBuilt,
  type MonthlyStatementData,
  type SellerProfile,
} from '../documents';

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

/** Own PDFs handed back at a time, so they are archived while the job goes on. */
const SINGLES_PER_HANDOVER = 100;

/**
 * Renders one job: the PDFs asked for, handed over `SINGLES_PER_HANDOVER` at a time and all returned, and the
 * PDF for printing, written. What each statement's own PDF drew is put into the PDF for printing as drawing it
 * there would (replay.ts), so it is laid out once for both: the bytes are those of each drawn alone.
 */
export async function runRenderJob(job: RenderJob, handOver?: (singles: Buffer[]) => void): Promise<Buffer[]> {
  const built = buildDocuments(
    job.statements.map((data) => ({ kind: 'monthly_statement' as const, data })),
    job.sellers,
  );
  const volume = job.volumeFile === null ? null : new CombinedPdf(built);
  const singles: Buffer[] = [];
  let handed = 0;
  for (let i = 0; i < built.length; i++) {
    if (job.singles[singles.length] !== i) {
      volume?.appendNext();
      continue;
    }
    if (volume) {
      const { doc, drawn } = drawBuilt(built[i]!);
      volume.appendNext(drawn);
      singles.push(await finishPdf(doc));
    } else singles.push(await renderBuilt(built[i]!));
    if (singles.length - handed === SINGLES_PER_HANDOVER) handOver?.(singles.slice(handed, (handed = singles.length)));
  }
  if (singles.length !== job.singles.length)
    throw new Error(`render job ${job.id}: singles out of order or out of range`);
  if (volume) await writeFile(job.volumeFile!, await volume.finish());
  if (handed < singles.length) handOver?.(singles.slice(handed));
  return singles;
}

/** A PDF's bytes moved to the other thread rather than copied, when they own their whole memory. */
function movable(pdf: Buffer): ArrayBuffer[] {
  return pdf.byteOffset === 0 && pdf.byteLength === pdf.buffer.byteLength ? [pdf.buffer as ArrayBuffer] : [];
}

/** What a worker says of a job: some of its own PDFs, in order; that it is done; or why it failed. */
export type RenderMessage =
  { id: number; singles: Uint8Array[] } | { id: number; done: true } | { id: number; error: string };

parentPort?.on('message', (job: RenderJob) => {
  const say = (m: RenderMessage, moved: ArrayBuffer[] = []) => parentPort!.postMessage(m, moved);
  runRenderJob(job, (singles) => say({ id: job.id, singles }, singles.flatMap(movable))).then(
    () => say({ id: job.id, done: true }),
    (e: unknown) => say({ id: job.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
