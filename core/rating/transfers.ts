import { Exact, isDecimalString, parseNonNegativeDecimal } from '../money';
import { parseInstant, type BillingMonth } from '../time';
import type { ResourceAccrual, Stretch } from './accrual';
import { resourcePath, type ResourcePath } from './history';
import type { Problems } from '../errors';
import { isRecord } from './values';

type Interval = { from: number; to: number };

function findStretch(stretches: Stretch[] | undefined, at: number): Stretch | undefined {
  if (!stretches) return undefined;
  let lo = 0;
  let hi = stretches.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = stretches[mid]!;
    if (at < s.from) hi = mid - 1;
    else if (at >= s.to) lo = mid + 1;
    else return s;
  }
  return undefined;
}

function covered(flat: readonly Interval[], at: number): boolean {
  for (const f of flat) if (at >= f.from && at < f.to) return true;
  return false;
}

/** A non-negative decimal string as a fraction; anything else is reported with core/money's wording. */
function gigabytes(value: unknown, path: string, problems: Problems): Exact | undefined {
  if (isDecimalString(value) && value[0] !== '-') return Exact.of(value);
  const checked = problems.catch(() => parseNonNegativeDecimal(value, path));
  return checked && Exact.of(checked);
}

/**
 * Adds a transfer resource's GB of the month to the line it was on at each transfer's time. Transfers made
 * while the account has the flat network option (a monthly `internet` plan) are not charged (R-RATE-7).
 * `accrual` is undefined when the resource's history had problems: the transfers are then only checked.
 */
export function chargeTransfers(
  raw: unknown,
  accrual: ResourceAccrual | undefined,
  flat: readonly Interval[],
  month: BillingMonth,
  where: ResourcePath,
  problems: Problems,
): void {
  const path = () => resourcePath(where);
  if (!Array.isArray(raw)) {
    problems.add(`${path()}.transfers`, 'value.not_list', 'not a list of transfers');
    return;
  }
  raw.forEach((transfer: unknown, k) => {
    const at = `${path()}.transfers[${k}]`;
    if (!isRecord(transfer)) {
      problems.add(at, 'value.not_object', 'not a transfer object');
      return;
    }
    const time = parseInstant(transfer.at);
    if (time === null) problems.add(`${at}.at`, 'instant.invalid', 'not an ISO 8601 time with an offset');
    const gb = gigabytes(transfer.gb, `${at}.gb`, problems);
    if (time === null || gb === undefined || !accrual) return;
    if (time < month.start || time >= month.end) return;
    const stretch = findStretch(accrual.stretches, time);
    if (!stretch) {
      problems.add(
        `${at}.at`,
        'usage.transfer_outside_life',
        'a transfer while the resource does not exist (before its create or after its delete)',
      );
      return;
    }
    if (covered(flat, time)) return;
    stretch.line.gb = stretch.line.gb ? stretch.line.gb.plus(gb) : gb;
  });
}
