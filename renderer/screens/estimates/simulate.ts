import { Dec } from '../../../core/money';
import { defaultCatalog, rateUsage, type AccountBill, type Plan, type PlanTable } from '../../../core/rating';
import { billingMonth, formatJstInstant as iso, type BillingMonth } from '../../../core/time';

/** One line of the cost simulator: how many of a plan, for how many hours of the month, how big or how much transfer. */
export interface SimulatedLine {
  plan: string;
  count: string;
  /** Hours per month (running or lifetime time); at most the month's hours. */
  hours: string;
  /** GB allocated (capacity meters) or transferred (transfer meter). */
  gb: string;
}

export interface Simulation {
  bill: AccountBill;
  /** Whole months the prepaid amount pays for at this monthly bill (R-PRE-9: against the tax-included total). */
  monthsCovered: string | null;
  /** What the prepaid amount leaves after those months. */
  remainder: string | null;
}

const HOUR_MS = 3_600_000;
const SIMULATED_ACCOUNT = 'CA-000000';
let catalog: PlanTable | null = null;

export function simulationCatalog(): PlanTable {
  catalog ??= defaultCatalog();
  return catalog;
}

export function planList(): Plan[] {
  return [...simulationCatalog().values()].filter((plan): plan is Plan => plan !== null);
}

/** A 30-day month, so "hours per month" reads the same whatever month it is (720 hours). */
export const SIMULATION_MONTH: BillingMonth = billingMonth(2027, 4);

export function monthHours(month: BillingMonth = SIMULATION_MONTH): number {
  return (month.end - month.start) / HOUR_MS;
}

/** A usage file (shared/contracts/rating.md) of `lines` in SIMULATION_MONTH, each resource created at its start. */
export function usageOf(lines: readonly SimulatedLine[], month: BillingMonth = SIMULATION_MONTH): unknown {
  const plans = simulationCatalog();
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
  return { month: month.key, taxMode: 'per_service', accounts: [{ account: SIMULATED_ACCOUNT, resources }] };
}

/**
 * The monthly bill of the chosen plans, rated by the same core as the month close (R-RATE-*, R-TAX-2), and how many
 * months a prepaid amount of `prepaid` yen would cover.
 */
export function simulate(lines: readonly SimulatedLine[], prepaid: string): Simulation {
  const bill = rateUsage(usageOf(lines), simulationCatalog()).accounts[0] ?? {
    account: SIMULATED_ACCOUNT,
    lines: [],
    services: [],
    subtotal: '0',
    tax: '0',
    total: '0',
  };
  const total = new Dec(bill.total);
  if (!/^[1-9][0-9]*$/.test(prepaid) || total.isZero()) return { bill, monthsCovered: null, remainder: null };
  const months = new Dec(prepaid).dividedToIntegerBy(total);
  return { bill, monthsCovered: months.toFixed(0), remainder: new Dec(prepaid).minus(months.times(total)).toFixed(0) };
}
