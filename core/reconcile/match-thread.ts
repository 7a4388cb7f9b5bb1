import { Worker } from 'node:worker_threads';
import { giveWay } from '../ledger/give-way';
import { workerEntry } from '../worker-entry';
import { matchInParts, type MatchJob, type MatchedRecord } from './match-chunks';
import type { MatchMessage } from './match-worker';

/** Fewer new deposits than this are matched in this thread: starting one costs more than they take. */
export const THREAD_FROM = 5_000;
/**
 * The match thread's young generation: matching makes short-lived objects by the million (ranked candidates,
 * their text), which V8's default scavenges over and over.
 */
const YOUNG_GENERATION_MB = 64;

/**
 * A job's decisions in order, a part at a time (D-RECON-10): on a thread of its own when the job is big and a
 * worker entry is at hand, so the import writes one part while the next is matched; else here, giving the event
 * loop a turn after each part (D-SEC-21). `stop` ends the thread: always call it.
 */
export class Matching {
  private readonly worker: Worker | null;
  private here: Generator<MatchedRecord[]> | null = null;
  private readonly waiting: MatchMessage[] = [];
  private wake: (() => void) | null = null;
  private failed: Error | null = null;

  /**
   * A thread is started at once for `deposits` new deposits (its start overlaps the import's reads); `match`
   * gives it the job.
   */
  constructor(deposits: number, thread = deposits >= THREAD_FROM) {
    const entry = thread ? workerEntry(import.meta.url, 'match-worker') : undefined;
    if (!entry) {
      this.worker = null;
      return;
    }
    this.worker = new Worker(entry, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    this.worker.on('message', (m: MatchMessage) => this.hear(m));
    this.worker.on('error', (e) => this.fail(e));
    this.worker.on('exit', (code) => this.fail(new Error(`the match thread stopped (exit ${code})`)));
  }

  match(job: MatchJob): void {
    if (this.worker) this.worker.postMessage(job);
    else this.here = matchInParts(job);
  }

  /** The next part of the decisions, or null after the last. */
  async next(): Promise<MatchedRecord[] | null> {
    if (!this.worker) {
      if (!this.here) throw new Error('nothing to match: match() was not called');
      await giveWay();
      const r = this.here.next();
      return r.done ? null : r.value;
    }
    for (;;) {
      const m = this.waiting.shift();
      if (m !== undefined) {
        if ('error' in m) throw new Error(`matching: ${m.error}`);
        return 'done' in m ? null : m.part;
      }
      if (this.failed) throw this.failed;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async stop(): Promise<void> {
    if (!this.worker) return;
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }

  private hear(m: MatchMessage): void {
    this.waiting.push(m);
    this.rouse();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    this.rouse();
  }

  private rouse(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
