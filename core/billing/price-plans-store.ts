import type { LedgerDb } from '../ledger/open-database';
import { defaultCatalog, parsePlans, type PlanTable } from '../rating';
import { Problems } from '../errors';

/**
 * The price list in force for a billing month: for each plan id, the price_plans row with the latest
 * `valid_from` not after the month. With no stored prices, the product's default catalog (as `backoffice rate`).
 */
export async function plansForMonth(db: LedgerDb, month: string): Promise<PlanTable> {
  const rows = await db
    .selectFrom('price_plans')
    .selectAll()
    .where('valid_from', '<=', month)
    .orderBy('valid_from')
    .execute();
  if (rows.length === 0) return defaultCatalog();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(row.id, row);
  const raw = [...latest.values()].map((r) => ({
    id: r.id,
    service: r.service,
    meter: r.meter,
    charge: r.charge,
    ...(r.unit_price !== null ? { unitPrice: r.unit_price } : {}),
    ...(r.monthly_cap !== null ? { monthlyCap: r.monthly_cap } : {}),
    ...(r.monthly_price !== null ? { monthlyPrice: r.monthly_price } : {}),
  }));
  const problems = new Problems();
  const plans = parsePlans(raw, 'price_plans', problems);
  problems.throwIfAny();
  return plans;
}
