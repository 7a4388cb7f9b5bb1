import { parseInstant } from '../time';

/** The back office's clock: every decision that needs "now" takes it from here, never from `new Date()`. */
export type Clock = () => Date;

/** Names the test-only fixed clock (README, "Testing on any day"). */
export const NOW_ENV = 'BACKOFFICE_NOW';

/**
 * The clock of a process: the system clock, unless BACKOFFICE_NOW holds an ISO instant with its offset
 * (`2026-11-24T10:00:00+09:00`), in which case the clock reads that instant, always. Tests set it (vitest's
 * config does, for every test and every CLI child they start) so the suite passes on any day; nothing in
 * production sets it. A value that is not an instant is refused rather than ignored, so a typo cannot
 * silently fall back to the real date.
 */
export function processClock(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env[NOW_ENV];
  if (fixed === undefined || fixed === '') return () => new Date();
  const ms = parseInstant(fixed);
  if (ms === null)
    throw new Error(
      `${NOW_ENV}=${JSON.stringify(fixed)} is not an ISO instant with an offset (2026-11-24T10:00:00+09:00)`,
    );
  return () => new Date(ms);
}
