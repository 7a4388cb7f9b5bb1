import { parseNonNegativeDecimal, type Dec } from '../money';
import { Problems } from '../errors';
import { isNonEmptyString, isRecord } from './values';
import { CHARGES, METERS, SERVICES, type Charge, type Meter, type Plan, type Service } from './types';

function oneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/**
 * A price list by plan id. A plan that has problems maps to null, so resources naming it are not also
 * reported as naming an unknown plan.
 */
export type PlanTable = Map<string, Plan | null>;

/**
 * Reads a price list (a usage file's `plans`, or the default catalog). Every problem is added to `problems`
 * under `path` (e.g. `plans[2].unitPrice`).
 */
export function parsePlans(raw: unknown, path: string, problems: Problems): PlanTable {
  const plans: PlanTable = new Map();
  if (!Array.isArray(raw)) {
    problems.add(path, 'value.not_list', 'not a list of plans');
    return plans;
  }
  raw.forEach((entry: unknown, i) => {
    const at = `${path}[${i}]`;
    const plan = parsePlan(entry, at, problems);
    const id = isRecord(entry) && isNonEmptyString(entry.id) ? entry.id : undefined;
    if (id === undefined) return;
    if (plans.has(id)) problems.add(`${at}.id`, 'value.duplicate', `duplicate plan "${id}"`, { value: id });
    else plans.set(id, plan ?? null);
  });
  return plans;
}

function parsePlan(entry: unknown, at: string, problems: Problems): Plan | undefined {
  if (!isRecord(entry)) {
    problems.add(at, 'value.not_object', 'not a plan object');
    return undefined;
  }
  const before = problems.count;
  const { id, service, meter, charge } = entry;
  if (!isNonEmptyString(id)) problems.add(`${at}.id`, 'value.required', 'not a non-empty string');
  if (!oneOf(SERVICES, service))
    problems.add(`${at}.service`, 'value.not_one_of', `not one of ${SERVICES.join(', ')}`, {
      options: SERVICES.join(', '),
    });
  if (!oneOf(METERS, meter))
    problems.add(`${at}.meter`, 'value.not_one_of', `not one of ${METERS.join(', ')}`, { options: METERS.join(', ') });
  if (!oneOf(CHARGES, charge))
    problems.add(`${at}.charge`, 'value.not_one_of', `not one of ${CHARGES.join(', ')}`, {
      options: CHARGES.join(', '),
    });
  const price = (field: 'unitPrice' | 'monthlyCap' | 'monthlyPrice', required: boolean): Dec | undefined => {
    const value = entry[field];
    if (value === undefined) {
      if (required)
        problems.add(`${at}.${field}`, 'plan.price_required', `required for a ${String(charge)} charge`, {
          charge: String(charge),
        });
      return undefined;
    }
    return problems.catch(() => parseNonNegativeDecimal(value, `${at}.${field}`));
  };
  const metered = charge === 'metered' || charge === 'metered_capped';
  const unitPrice = price('unitPrice', metered);
  const monthlyCap = price('monthlyCap', charge === 'metered_capped');
  const monthlyPrice = price('monthlyPrice', charge === 'monthly');
  if (metered && meter === 'none')
    problems.add(`${at}.meter`, 'plan.charge_needs_meter', `a ${charge} charge needs a meter other than none`, {
      charge: String(charge),
    });
  if (problems.count > before) return undefined;
  const plan: Plan = { id: id as string, service: service as Service, meter: meter as Meter, charge: charge as Charge };
  if (metered) plan.unitPrice = unitPrice;
  if (charge === 'metered_capped') plan.monthlyCap = monthlyCap;
  if (charge === 'monthly') plan.monthlyPrice = monthlyPrice;
  return plan;
}
