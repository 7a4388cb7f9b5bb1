import { Exact, type Dec } from '../money';
import { jstDate, type BillingMonth } from '../time';
import type { LineAccrual } from './accrual';
import type { BillLine, LineUnit, Plan } from './types';

const MS_PER_HOUR = 3_600_000n;

export interface RatedLine {
  line: BillLine;
  /** The exact amount, summed per service before flooring (R-RATE-8). */
  amount: Exact;
}

interface Priced {
  quantity: Exact;
  unit: LineUnit;
  amount: Exact;
  capped: boolean;
}

interface PlanPrices {
  unitPrice: Exact;
  cap: Exact | undefined;
  monthlyPrice: Exact;
}

const pricesOfPlan = new WeakMap<Plan, PlanPrices>();
const exact = (d: Dec | undefined): Exact => (d === undefined ? Exact.zero : Exact.of(d));

function pricesOf(plan: Plan): PlanPrices {
  let prices = pricesOfPlan.get(plan);
  if (!prices) {
    prices = {
      unitPrice: exact(plan.unitPrice),
      cap: plan.monthlyCap === undefined ? undefined : exact(plan.monthlyCap),
      monthlyPrice: exact(plan.monthlyPrice),
    };
    pricesOfPlan.set(plan, prices);
  }
  return prices;
}

/**
 * Prices one (resource, plan) line from what it accrued: exact values are made here, once per line.
 * Undefined for a metered line with nothing to charge.
 */
export function rateLine(resource: string, accrual: LineAccrual, month: BillingMonth): RatedLine | undefined {
  const { plan } = accrual;
  const prices = pricesOf(plan);
  const priced = plan.charge === 'monthly' ? monthly(prices, accrual, month) : metered(plan, prices, accrual);
  if (!priced) return undefined;
  return {
    line: {
      resource,
      plan: plan.id,
      service: plan.service,
      quantity: priced.quantity.toDecimalString(),
      unit: priced.unit,
      amount: priced.amount.toDecimalString(),
      capped: priced.capped,
    },
    amount: priced.amount,
  };
}

/**
 * R-RATE-6: in the month a monthly service starts, price × used days / days in month, the used days running
 * from the JST start day (inclusive) to the month's last day; otherwise (it started earlier) the full price,
 * whether or not it ends in the month.
 */
function monthly(prices: PlanPrices, accrual: LineAccrual, month: BillingMonth): Priced {
  const quantity = accrual.fromBeforeMonth
    ? Exact.one
    : Exact.ratio(BigInt(month.days - jstDate(accrual.startedAt).day + 1), BigInt(month.days));
  return { quantity, unit: 'month', amount: prices.monthlyPrice.times(quantity), capped: false };
}

/** R-RATE-1 metered and metered_capped; R-RATE-2 exact hours (milliseconds / 3,600,000, no rounding up). */
function metered(plan: Plan, prices: PlanPrices, accrual: LineAccrual): Priced | undefined {
  switch (plan.meter) {
    case 'running':
    case 'lifetime': {
      if (accrual.ms === 0) return undefined;
      const hours = Exact.ratio(BigInt(accrual.ms), MS_PER_HOUR);
      return capAt({ quantity: hours, unit: 'hour', amount: hours.times(prices.unitPrice), capped: false }, prices.cap);
    }
    case 'transfer': {
      const gb = accrual.gb;
      if (!gb || gb.isZero()) return undefined;
      return capAt({ quantity: gb, unit: 'GB', amount: gb.times(prices.unitPrice), capped: false }, prices.cap);
    }
    case 'capacity':
      return capacity(accrual.msBySize, prices);
    case 'none':
      return undefined;
  }
}

function capAt(priced: Priced, cap: Exact | undefined): Priced {
  if (!cap || !cap.lessThan(priced.amount)) return priced;
  return { ...priced, amount: cap, capped: true };
}

/**
 * R-RATE-5: each GB accrues its own hours, so GB number k counts the time the volume had k GB or more.
 * Sizes sorted in increasing order cut the GB into bands; each band's GB share one time and one cap per GB.
 */
function capacity(msBySize: Map<number, number> | undefined, prices: PlanPrices): Priced | undefined {
  if (!msBySize) return undefined;
  const sizes = [...msBySize.keys()].sort((a, b) => a - b);
  let gbMs = 0n;
  for (const size of sizes) gbMs += BigInt(size) * BigInt(msBySize.get(size)!);
  if (gbMs === 0n) return undefined;
  const quantity = Exact.ratio(gbMs, MS_PER_HOUR);
  const cap = prices.cap;
  if (!cap) return { quantity, unit: 'GB-hour', amount: quantity.times(prices.unitPrice), capped: false };
  let amount = Exact.zero;
  let capped = false;
  let msAtOrAbove = 0;
  for (let j = sizes.length - 1; j >= 0; j--) {
    const size = sizes[j]!;
    msAtOrAbove += msBySize.get(size)!;
    const bandGB = Exact.of(BigInt(size - (j > 0 ? sizes[j - 1]! : 0)));
    const perGB = Exact.ratio(BigInt(msAtOrAbove), MS_PER_HOUR).times(prices.unitPrice);
    const isCapped = cap.lessThan(perGB);
    capped ||= isCapped;
    amount = amount.plus((isCapped ? cap : perGB).times(bandGB));
  }
  return { quantity, unit: 'GB-hour', amount, capped };
}
