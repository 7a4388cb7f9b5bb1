import { addDays, jstMidnight, jstToday } from '../time';
import type { Clock } from './clock';
import type { Backoffice, CallResult } from './service';

/** The timer the schedule waits with; tests pass one they fire by hand. */
export interface Timer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimer: Timer = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Longest wait between two looks (an hour), so a machine that slept or changed its clock catches up soon. */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

export interface DailySchedule {
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
  stop(): void;
}

export interface DailyScheduleOptions {
  clock: Clock;
  timer?: Timer;
  /** Told of every day run and every refusal (the host logs them). */
  onRun?: (date: string, result: CallResult) => void;
}

/** Milliseconds from `now` to the next 00:00 JST, at most an hour. */
export function nextWakeInMs(now: Date): number {
  const midnight = jstMidnight(addDays(jstToday(now), 1));
  return Math.max(0, Math.min(midnight - now.getTime(), LONGEST_WAIT_MS));
}

/**
 * R-DUN-8: the daily job runs by itself. At start and at each 00:00 JST (and every hour in between, which finds
 * nothing to do unless a day was missed), it asks the ledger which days are due and runs them one at a time,
 * oldest first, through the catalog's scheduler door (audited, no operator). A day that fails stops the
 * catch-up; the next wake tries again from that day.
 */
export function startDailySchedule(
  office: Pick<Backoffice, 'runScheduled'>,
  options: DailyScheduleOptions,
): DailySchedule {
  const timer = options.timer ?? systemTimer;
  let handle: unknown = null;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  async function catchUp(): Promise<void> {
    const due = await office.runScheduled('dunning.dueDays', {});
    if (!due.ok) {
      options.onRun?.('', due);
      return;
    }
    for (const date of due.output.due) {
      if (stopped) return;
      const result = await office.runScheduled('dunning.runDaily', { date });
      options.onRun?.(date, result);
      if (!result.ok) return;
    }
  }

  function wake(): void {
    handle = null;
    running = catchUp()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) handle = timer.setTimeout(wake, nextWakeInMs(options.clock()));
      });
  }

  wake();
  return {
    idle: async () => {
      await running;
    },
    stop: () => {
      stopped = true;
      if (handle !== null) timer.clearTimeout(handle);
      handle = null;
    },
  };
}
