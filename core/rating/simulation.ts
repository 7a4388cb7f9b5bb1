import { Dec } from '../money';
import { billingMonth, formatJstInstant as iso, type BillingMonth } from '../time';
import type { PlanTable } from './plans';

/**
 * One line of a simulated configuration (the cost simulator, a quote): how many of a plan, for how many hours of
 * the month, how big or how much transfer. Strings as typed; a count is whole.
 */
export interface SimulatedLine {
  plan: string;
  count: string;
  /** Hours per month (running or lifetime time); at most the month's hours. */
  hours: string;
  /** GB allocated (capacity meters) or transferred (transfer meter). */
  gb: string;
}

const HOUR_MS = 3_600_000;
export const SIMULATED_ACCOUNT = 'CA-000000';

/** A 30-day month, so "hours per month" reads the same whatever month it is (720 hours). */
export const SIMULATION_MONTH: BillingMonth = billingMonth(2027, 4);

export function monthHours(month: BillingMonth = SIMULATION_MONTH): number {
  return (month.end - month.start) / HOUR_MS;
}

/**
 * A usage file (shared/contracts/rating.md) of `lines` in `month`, each resource created at its start, for the
 * rating core to price exactly as the month close would.
 */
export function simulatedUsage(
  lines: readonly SimulatedLine[],
  plans: PlanTable,
  month: BillingMonth = SIMULATION_MONTH,
  taxMode: 'per_service' | 'per_invoice' = 'per_service',
): unknown {
  const start = month.start;
  const resources = lines.flatMap((line, index) => {
    const plan = plans.get(line.plan);
    if (!plan) return [];
    const count = Math.max(0, Math.trunc(Number(line.count)));
    const hours = Dec.min(new Dec(line.hours || '0'), monthHours(month));
    const endMs = start + hours.times(HOUR_MS).floor().toNumber();
    const ends = endMs < month.end;
    return Array.from({ length: count }, (_, n) => {
      const id = `sim-${index}-${n}`;
      if (plan.meter === 'transfer') {
        return {
          id,
          plan: plan.id,
          events: [{ at: iso(start), type: 'create' }],
          transfers: [{ at: iso(start + HOUR_MS), gb: line.gb || '0' }],
        };
      }
      const create =
        plan.meter === 'capacity'
          ? { at: iso(start), type: 'create', sizeGB: Math.max(1, Math.trunc(Number(line.gb) || 1)) }
          : { at: iso(start), type: 'create' };
      const end = plan.meter === 'running' ? 'stop' : 'delete';
      return {
        id,
        plan: plan.id,
        events: ends && plan.meter !== 'none' ? [create, { at: iso(endMs), type: end }] : [create],
      };
    });
  });
  return { month: month.key, taxMode, accounts: [{ account: SIMULATED_ACCOUNT, resources }] };
}
