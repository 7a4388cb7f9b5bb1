import { Dec, Exact } from '../money';
import type { BillingMonth } from '../time';
import type { TaxMode } from './types';

/** R-TAX-1: consumption tax rates by the first billing month they apply to (JST), oldest first. */
export interface DatedTaxRate {
  /** `YYYY-MM` */
  from: string;
  rate: string;
}

export const CONSUMPTION_TAX_RATES: readonly DatedTaxRate[] = [
  { from: '1989-04', rate: '0.03' },
  { from: '1997-04', rate: '0.05' },
  { from: '2014-04', rate: '0.08' },
  { from: '2019-10', rate: '0.10' },
];

/** R-TAX-1: the rate of the latest entry in effect for the month; undefined before the first entry. */
export function taxRateFor(
  month: BillingMonth,
  table: readonly DatedTaxRate[] = CONSUMPTION_TAX_RATES,
): Dec | undefined {
  let found: DatedTaxRate | undefined;
  for (const entry of table) if (entry.from <= month.key && (!found || entry.from >= found.from)) found = entry;
  return found ? new Dec(found.rate) : undefined;
}

export interface TaxedService {
  subtotal: bigint;
  /** per_service only */
  tax?: bigint;
  total?: bigint;
}

export interface TaxedAccount {
  services: TaxedService[];
  subtotal: bigint;
  tax: bigint;
  total: bigint;
}

/**
 * R-TAX-2 (per_service): each service's tax-included amount is floor(subtotal × (1 + rate)); the account's
 * figures are sums over services. R-TAX-3 (per_invoice): tax = floor(sum of subtotals × rate), once.
 * `subtotals` are whole yen (R-RATE-8 has already floored each service's exact sum).
 */
export function applyTax(subtotals: readonly bigint[], rate: Exact, mode: TaxMode): TaxedAccount {
  let subtotal = 0n;
  for (const s of subtotals) subtotal += s;
  if (mode === 'per_invoice') {
    const tax = Exact.of(subtotal).times(rate).floorBigInt();
    return { services: subtotals.map((s) => ({ subtotal: s })), subtotal, tax, total: subtotal + tax };
  }
  const factor = Exact.one.plus(rate);
  let tax = 0n;
  const services = subtotals.map((s) => {
    const total = Exact.of(s).times(factor).floorBigInt();
    tax += total - s;
    return { subtotal: s, tax: total - s, total };
  });
  return { services, subtotal, tax, total: subtotal + tax };
}
