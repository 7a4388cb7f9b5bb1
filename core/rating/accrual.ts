import type { Exact } from '../money';
import type { Plan } from './types';

/**
 * What one (resource, plan) line accrues in the month while the events are walked (R-RATE-4). Plain
 * numbers here are integer milliseconds and whole GB, never money: exact amounts are made once per line
 * from these totals (lines.ts).
 */
export interface LineAccrual {
  plan: Plan;
  /** First in-month instant on this plan: lines of a resource are listed by it. */
  firstAt: number;
  /** running / lifetime meters: milliseconds counted (R-RATE-2, R-RATE-3). */
  ms: number;
  /** capacity meter: milliseconds spent at each allocated size in GB (R-RATE-5). */
  msBySize: Map<number, number> | undefined;
  /** transfer meter: GB charged (R-RATE-7 leaves out those covered by the flat option). */
  gb: Exact | undefined;
  /** monthly charge: the plan was already on before the month began (no proration, R-RATE-6). */
  fromBeforeMonth: boolean;
  /** monthly charge: the instant the earliest in-month start on this plan happened (R-RATE-6). */
  startedAt: number;
}

/** A stretch of the month [from, to) during which a resource existed on one line. */
export interface Stretch {
  from: number;
  to: number;
  line: LineAccrual;
}

export interface ResourceAccrual {
  /** In the order the lines started. */
  lines: LineAccrual[];
  /** Where the resource existed in the month, for transfers (transfer meter only). */
  stretches: Stretch[] | undefined;
  /** In-month stretches on a monthly internet plan: the flat network option (R-RATE-7). */
  flat: Array<{ from: number; to: number }> | undefined;
}
