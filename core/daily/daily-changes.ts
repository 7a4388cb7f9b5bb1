import type { AppliedTransition } from '../dunning/advance-store';
import type { DailyUpdateResult } from '../prepaid/daily-update';

/** What one run of the daily job changed, counted per kind: its audit entry and its daily_runs row (R-DUN-8). */
export interface DailyChanges {
  date: string;
  restricted: number;
  suspended: number;
  terminated: number;
  /** Back to Active (R-DUN-4, R-DUN-5). */
  lifted: number;
  /** Platform commands written, per command. */
  commands: Record<string, number>;
  /** Of those, the ones waiting for a supervisor's release (R-DUN-9). */
  awaitingRelease: number;
  prepaidForfeited: number;
  prepaidAlerts: number;
}

export function countDailyChanges(
  date: string,
  transitions: AppliedTransition[],
  commands: { topic: string; status: string }[],
  prepaid: DailyUpdateResult,
): DailyChanges {
  const to = (status: string) => transitions.filter((t) => t.to === status).length;
  const perCommand: Record<string, number> = {};
  for (const c of commands) perCommand[c.topic] = (perCommand[c.topic] ?? 0) + 1;
  return {
    date,
    restricted: to('restricted'),
    suspended: to('suspended'),
    terminated: to('terminated'),
    lifted: to('active'),
    commands: perCommand,
    awaitingRelease: commands.filter((c) => c.status === 'awaiting_release').length,
    prepaidForfeited: prepaid.forfeited.count,
    prepaidAlerts: prepaid.alerts.length,
  };
}
