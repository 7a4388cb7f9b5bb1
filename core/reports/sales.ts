import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';
import { SERVICES, type AccountBill, type Service } from '../rating';

export interface SalesMonth {
  month: string;
  /** Pre-tax sales per service (whole yen as decimal strings), every service present. */
  services: Record<Service, string>;
  /** Credit notes issued in the month, pre-tax (a reduction of the month's sales). */
  credited: string;
  /** Σ services − credited. */
  net: string;
}

/**
 * Sales by month and service: the pre-tax service subtotals of the final bills of each billing month from
 * `fromMonth` to `toMonth` (YYYY-MM, both included), less the credit notes issued in the month (D-REP-2).
 */
export async function salesByMonth(
  db: LedgerDb,
  fromMonth: string,
  toMonth: string,
): Promise<{ months: SalesMonth[]; totals: Omit<SalesMonth, 'month'> }> {
  const bills = await db
    .selectFrom('bills')
    .select(['month', 'detail'])
    .where('status', '=', 'final')
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .execute();
  const credits = await db
    .selectFrom('credit_notes')
    .select((eb) => ['month', eb.fn.sum<number>('subtotal').as('subtotal')])
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('month')
    .execute();
  const zero = () => Object.fromEntries(SERVICES.map((s) => [s, new Dec(0)])) as Record<Service, Dec>;
  const byMonth = new Map<string, { services: Record<Service, Dec>; credited: Dec }>();
  const monthOf = (m: string) => {
    let entry = byMonth.get(m);
    if (!entry) byMonth.set(m, (entry = { services: zero(), credited: new Dec(0) }));
    return entry;
  };
  for (const b of bills) {
    const entry = monthOf(b.month);
    for (const s of (JSON.parse(b.detail) as AccountBill).services)
      entry.services[s.service] = entry.services[s.service].plus(s.subtotal);
  }
  for (const c of credits) monthOf(c.month).credited = yenFromDb(c.subtotal);
  const totals = { services: zero(), credited: new Dec(0) };
  const strings = (r: Record<Service, Dec>) =>
    Object.fromEntries(SERVICES.map((s) => [s, r[s].toFixed()])) as Record<Service, string>;
  const net = (e: { services: Record<Service, Dec>; credited: Dec }) =>
    SERVICES.reduce((sum, s) => sum.plus(e.services[s]), new Dec(0)).minus(e.credited);
  const months = [...byMonth.keys()].sort().map((month) => {
    const e = byMonth.get(month)!;
    for (const s of SERVICES) totals.services[s] = totals.services[s].plus(e.services[s]);
    totals.credited = totals.credited.plus(e.credited);
    return { month, services: strings(e.services), credited: e.credited.toFixed(), net: net(e).toFixed() };
  });
  return {
    months,
    totals: { services: strings(totals.services), credited: totals.credited.toFixed(), net: net(totals).toFixed() },
  };
}
