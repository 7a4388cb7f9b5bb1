import { Dec } from '../../../core/money';
import {
  defaultCatalog,
  rateUsage,
  simulatedUsage,
  SIMULATED_ACCOUNT,
  SIMULATION_MONTH,
  type AccountBill,
  type Plan,
  type PlanTable,
  type SimulatedLine,
} from '../../../core/rating';
import type { BillingMonth } from '../../../core/time';

export { monthHours, SIMULATION_MONTH, type SimulatedLine } from '../../../core/rating';

export interface Simulation {
  bill: AccountBill;
  /** Whole months the prepaid amount pays for at this monthly bill (R-PRE-9: against the tax-included total). */
  monthsCovered: string | null;
  /** What the prepaid amount leaves after those months. */
  remainder: string | null;
}

let catalog: PlanTable | null = null;

export function simulationCatalog(): PlanTable {
  catalog ??= defaultCatalog();
  return catalog;
}

export function planList(): Plan[] {
  return [...simulationCatalog().values()].filter((plan): plan is Plan => plan !== null);
}

/** A usage file of `lines` in `month` priced by the default catalog (core/rating simulatedUsage). */
export function usageOf(lines: readonly SimulatedLine[], month: BillingMonth = SIMULATION_MONTH): unknown {
  return simulatedUsage(lines, simulationCatalog(), month);
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
