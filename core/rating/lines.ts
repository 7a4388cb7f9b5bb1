import { Dec, Exact } from '../money';
import type { BillingMonth } from '../time';
import { jstDate } from '../time';
import type { LineAccrual } from './accrual';
import type { BillLine, LineUnit, Plan } from './types';

const MS_PER_HOUR = new Dec(3_600_000);

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

/**
 * Prices one (resource, plan) line from what it accrued: exact values are made here, once per line.
 * Undefined for a metered line with nothing to charge.
 */
export function rateLine(resource: string, accrual: LineAccrual, month: BillingMonth): RatedLine | undefined {
  const { plan } = accrual;
  const priced = plan.charge === 'monthly' ? monthly(plan, accrual, month) : metered(plan, accrual);
  if (!priced) return undefined;
  return {
    line: {
      resource,
      plan: plan.id,
      service: plan.service,
      quantity: priced.quantity.toDecimalString(6),
      unit: priced.unit,
      amount: priced.amount.toDecimalString(6),
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
function monthly(plan: Plan, accrual: LineAccrual, month: BillingMonth): Priced {
  const price = Exact.of(plan.monthlyPrice!);
  const quantity = accrual.fromBeforeMonth
    ? Exact.of(new Dec(1))
    : Exact.ratio(new Dec(month.days - jstDate(accrual.startedAt).day + 1), new Dec(month.days));
  return { quantity, unit: 'month', amount: price.times(quantity), capped: false };
}

/** R-RATE-1 metered and metered_capped; R-RATE-2 exact hours (seconds / 3600, no rounding up). */
function metered(plan: Plan, accrual: LineAccrual): Priced | undefined {
  const unitPrice = plan.unitPrice!;
  const cap = plan.monthlyCap === undefined ? undefined : Exact.of(plan.monthlyCap);
  switch (plan.meter) {
    case 'running':
    case 'lifetime': {
      if (accrual.ms === 0) return undefined;
      const hours = Exact.ratio(new Dec(accrual.ms), MS_PER_HOUR);
      return capAt({ quantity: hours, unit: 'hour', amount: hours.times(unitPrice), capped: false }, cap);
    }
    case 'transfer': {
      if (!accrual.gb || accrual.gb.isZero()) return undefined;
      const gb = Exact.of(accrual.gb);
      return capAt({ quantity: gb, unit: 'GB', amount: gb.times(unitPrice), capped: false }, cap);
    }
    case 'capacity':
      return capacity(accrual.msBySize, unitPrice, cap);
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
function capacity(msBySize: Map<number, number> | undefined, unitPrice: Dec, capPerGB: Exact | undefined): Priced | undefined {
  if (!msBySize) return undefined;
  const sizes = [...msBySize.keys()].sort((a, b) => a - b);
  let gbMs = new Dec(0);
  for (const size of sizes) gbMs = gbMs.plus(new Dec(size).times(msBySize.get(size)!));
  if (gbMs.isZero()) return undefined;
  const quantity = Exact.ratio(gbMs, MS_PER_HOUR);
  if (!capPerGB) return { quantity, unit: 'GB-hour', amount: quantity.times(unitPrice), capped: false };
  let amount = Exact.zero;
  let capped = false;
  let msAtOrAbove = 0;
  for (let j = sizes.length - 1; j >= 0; j--) {
    const size = sizes[j]!;
    msAtOrAbove += msBySize.get(size)!;
    const bandGB = size - (j > 0 ? sizes[j - 1]! : 0);
    const perGB = Exact.ratio(new Dec(msAtOrAbove), MS_PER_HOUR).times(unitPrice);
    const isCapped = capPerGB.lessThan(perGB);
    capped ||= isCapped;
    amount = amount.plus((isCapped ? capPerGB : perGB).times(new Dec(bandGB)));
  }
  return { quantity, unit: 'GB-hour', amount, capped };
}
