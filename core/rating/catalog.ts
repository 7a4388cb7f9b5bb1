import catalog from '../../resources/catalog.json';
import { parsePlans, type PlanTable } from './plans';
import { Problems } from '../errors';

/** The product's default price list (resources/catalog.json), used when a usage file has no `plans`. */
export function defaultCatalog(): PlanTable {
  const problems = new Problems();
  const plans = parsePlans(catalog.plans, 'catalog.plans', problems);
  problems.throwIfAny();
  return plans;
}

/** The catalog file as written, for `backoffice plans`. */
export const catalogJson: unknown = catalog;
