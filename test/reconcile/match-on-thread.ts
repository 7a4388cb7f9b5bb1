import type { MatchJob, MatchedRecord } from '../../core/reconcile/match-chunks';
import { Matching } from '../../core/reconcile/match-thread';
import { useCompiledWorkers } from '../../core/worker-entry';

/**
 * Every part of a job's decisions as a match thread gives them, the thread stopped after; from the compiled
 * workers of `compiledFolder` (dist/cli) when given, else from the sources.
 */
export async function matchOnThread(job: MatchJob, compiledFolder?: string): Promise<MatchedRecord[][]> {
  if (compiledFolder !== undefined) useCompiledWorkers(compiledFolder);
  let matching: Matching;
  try {
    matching = new Matching(job.amounts.length, true);
  } finally {
    if (compiledFolder !== undefined) useCompiledWorkers(undefined);
  }
  matching.match(job);
  const parts: MatchedRecord[][] = [];
  try {
    for (let part = await matching.next(); part !== null; part = await matching.next()) parts.push(part);
  } finally {
    await matching.stop();
  }
  return parts;
}
