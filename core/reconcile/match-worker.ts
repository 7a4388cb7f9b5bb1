import { parentPort } from 'node:worker_threads';
import { matchInParts, type MatchJob, type MatchedRecord } from './match-chunks';

/** What the match thread says: a part of the decisions in order, the end, or why it failed. */
export type MatchMessage = { part: MatchedRecord[] } | { done: true } | { error: string };

parentPort?.once('message', (job: MatchJob) => {
  const say = (m: MatchMessage) => parentPort!.postMessage(m);
  try {
    for (const part of matchInParts(job)) say({ part });
    say({ done: true });
  } catch (e) {
    say({ error: e instanceof Error ? e.message : String(e) });
  }
});
