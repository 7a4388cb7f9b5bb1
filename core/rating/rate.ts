import { InputError, Problems } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import { Dec, Exact, decimalString, parseNonNegativeDecimal } from '../money';
import { parseMonth, type BillingMonth } from '../time';
import type { ResourceAccrual } from './accrual';
import { resourcePath, walkResource, type ResourcePath } from './history';
import { rateLine, type RatedLine } from './lines';
import { parsePlans, type PlanTable } from './plans';
import { isNonEmptyString, isRecord } from './values';
import { applyTax, CONSUMPTION_TAX_RATES, taxRateFor, type DatedTaxRate } from './tax';
import { chargeTransfers } from './transfers';
import {
  SERVICES,
  TAX_MODES,
  type AccountBill,
  type Bill,
  type BillHead,
  type Plan,
  type Service,
  type ServiceTotal,
  type TaxMode,
} from './types';

export interface RateOptions {
  /** R-TAX-1: dated consumption tax rates, used when the usage file gives no taxRate. */
  taxRates?: readonly DatedTaxRate[];
}

interface Settings {
  month: BillingMonth;
  taxMode: TaxMode;
  /** Undefined when the file has none and the table has none for the month (a problem is reported). */
  taxRate: Dec | undefined;
  /** The same rate as an exact fraction, for the per-account arithmetic. */
  rate: Exact;
  plans: PlanTable;
}

/**
 * Rates a month of usage (shared/contracts/rating.md) into bills. `defaultPlans` is the price list used when
 * the file has no `plans`. Throws InputError listing every problem of the file; pure (no I/O), so it also
 * runs in the browser.
 */
export function rateUsage(usage: unknown, defaultPlans: PlanTable, options: RateOptions = {}): Bill {
  if (!isRecord(usage)) throw InputError.one('$', 'value.not_object', 'not a usage object');
  const rating = new UsageRating(usage, defaultPlans, options);
  const accounts: AccountBill[] = [];
  if (!Array.isArray(usage.accounts)) rating.problem('accounts', 'value.not_list', 'not a list of accounts');
  else if (rating.startAccounts()) {
    for (const raw of usage.accounts as unknown[]) {
      const bill = rating.account(raw);
      if (bill) accounts.push(bill);
    }
  }
  return { ...rating.finish(), accounts };
}

/**
 * A usage file rated one account at a time, for a reader that never holds the whole file (the command line's
 * streaming reader): the settings (every field but `accounts`) first, then each account in file order, each
 * bill returned as soon as it is made. Problems are collected as rateUsage collects them, in the same order;
 * once there is one, no more bills are returned and `finish` throws them all.
 */
export class UsageRating {
  private readonly problems = new Problems();
  private readonly settings: Settings | undefined;
  private readonly seen = new Set<string>();
  private index = 0;

  /** `head`: the usage object's fields other than `accounts` (any `accounts` field in it is not read). */
  constructor(head: Record<string, unknown>, defaultPlans: PlanTable, options: RateOptions = {}) {
    this.settings = readSettings(head, defaultPlans, options, this.problems);
  }

  /** A problem the reader found with the file's shape (e.g. `accounts` that is not a list). */
  problem<C extends ProblemCode>(path: string, code: C, message: string, ...params: ProblemArgs<C>): void {
    this.problems.add(path, code, message, ...params);
  }

  /** The accounts list begins; false when its accounts cannot be rated (the settings have no valid month). */
  startAccounts(): boolean {
    if (!this.settings)
      this.problems.add('accounts', 'usage.needs_month', 'could not be checked without a valid month');
    return this.settings !== undefined;
  }

  /** Checks and rates the next account of the list; its bill, or undefined once the file has a problem. */
  account(raw: unknown): AccountBill | undefined {
    return rateAccount(raw, this.index++, this.settings!, this.seen, this.problems);
  }

  /** The bill's head; throws InputError with every problem found, if any. */
  finish(): BillHead {
    this.problems.throwIfAny();
    const s = this.settings!;
    return { month: s.month.key, taxMode: s.taxMode, taxRate: decimalString(s.taxRate!) };
  }
}

function readSettings(
  file: Record<string, unknown>,
  defaultPlans: PlanTable,
  options: RateOptions,
  problems: Problems,
): Settings | undefined {
  const month = problems.catch(() => parseMonth(file.month, 'month'));
  let taxMode: TaxMode = 'per_service';
  if (file.taxMode !== undefined) {
    if ((TAX_MODES as readonly unknown[]).includes(file.taxMode)) taxMode = file.taxMode as TaxMode;
    else
      problems.add('taxMode', 'value.not_one_of', `not one of ${TAX_MODES.join(', ')}`, {
        options: TAX_MODES.join(', '),
      });
  }
  let taxRate: Dec | undefined;
  if (file.taxRate !== undefined) taxRate = problems.catch(() => parseNonNegativeDecimal(file.taxRate, 'taxRate'));
  else if (month) {
    // R-TAX-1: the rate in effect for the billing month.
    taxRate = taxRateFor(month, options.taxRates ?? CONSUMPTION_TAX_RATES);
    if (!taxRate)
      problems.add('taxRate', 'usage.no_tax_rate', `no consumption tax rate is known for ${month.key}; give taxRate`, {
        month: month.key,
      });
  }
  const plans = file.plans === undefined ? defaultPlans : parsePlans(file.plans, 'plans', problems);
  return month && { month, taxMode, taxRate, rate: taxRate ? Exact.of(taxRate) : Exact.zero, plans };
}

interface ResourceEntry {
  id: string;
  plan: Plan;
  accrual: ResourceAccrual | undefined;
  transfers: unknown;
  path: ResourcePath;
}

function rateAccount(
  raw: unknown,
  a: number,
  settings: Settings,
  seen: Set<string>,
  problems: Problems,
): AccountBill | undefined {
  const at = `accounts[${a}]`;
  if (!isRecord(raw)) {
    problems.add(at, 'value.not_object', 'not an account object');
    return undefined;
  }
  const account = raw.account;
  if (!isNonEmptyString(account)) problems.add(`${at}.account`, 'value.required', 'not a non-empty string');
  else if (seen.has(account))
    problems.add(`${at}.account`, 'value.duplicate', `duplicate account "${account}"`, { value: account });
  else seen.add(account);
  const rawResources = raw.resources ?? [];
  if (!Array.isArray(rawResources)) {
    problems.add(`${at}.resources`, 'value.not_list', 'not a list of resources');
    return undefined;
  }
  const { month, plans } = settings;
  const entries: ResourceEntry[] = [];
  const ids = new Set<string>();
  rawResources.forEach((resource: unknown, r) => {
    const where: ResourcePath = { account: a, resource: r };
    if (!isRecord(resource)) {
      problems.add(resourcePath(where), 'value.not_object', 'not a resource object');
      return;
    }
    const { id, plan: planId, events = [], transfers } = resource;
    const resourceBefore = problems.count;
    if (!isNonEmptyString(id)) problems.add(`${resourcePath(where)}.id`, 'value.required', 'not a non-empty string');
    else if (ids.has(id))
      problems.add(`${resourcePath(where)}.id`, 'value.duplicate', `duplicate resource "${id}" in the account`, {
        value: id,
      });
    else ids.add(id);
    const plan = typeof planId === 'string' ? plans.get(planId) : undefined;
    if (plan === undefined) {
      const at = `${resourcePath(where)}.plan`;
      if (typeof planId === 'string') problems.add(at, 'plan.unknown', `unknown plan "${planId}"`, { plan: planId });
      else problems.add(at, 'plan.not_id', 'not a plan id');
    }
    if (!Array.isArray(events)) problems.add(`${resourcePath(where)}.events`, 'value.not_list', 'not a list of events');
    if (
      transfers !== undefined &&
      plan &&
      plan.meter !== 'transfer' &&
      !(Array.isArray(transfers) && transfers.length === 0)
    ) {
      problems.add(
        `${resourcePath(where)}.transfers`,
        'usage.transfers_not_allowed',
        'only a resource on a transfer plan has transfers',
      );
    }
    if (problems.count > resourceBefore || !plan || !Array.isArray(events)) return;
    const accrual = walkResource({ events, plan, path: where }, plans, month, problems);
    entries.push({ id: id as string, plan, accrual, transfers, path: where });
  });

  const flat = entries.flatMap((e) => e.accrual?.flat ?? []);
  for (const e of entries) {
    if (e.plan.meter === 'transfer' && e.transfers !== undefined)
      chargeTransfers(e.transfers, e.accrual, flat, month, e.path, problems);
  }
  // Once the file has a problem no bill is returned: only the checking goes on.
  if (problems.count > 0) return undefined;
  return accountBill(account as string, entries, settings);
}

function accountBill(account: string, entries: ResourceEntry[], settings: Settings): AccountBill {
  const byService = new Map<Service, RatedLine[]>();
  for (const e of entries) {
    for (const accrual of e.accrual!.lines) {
      const rated = rateLine(e.id, accrual, settings.month);
      if (!rated) continue;
      const list = byService.get(rated.line.service);
      if (list) list.push(rated);
      else byService.set(rated.line.service, [rated]);
    }
  }
  // Lines by service (R-RATE-9 order), then resource position in the file, then line start.
  const services = SERVICES.filter((s) => byService.has(s));
  const lines = services.flatMap((s) => byService.get(s)!.map((r) => r.line));
  // R-RATE-8: a service's subtotal is the floor of the exact sum of its lines.
  const subtotals = services.map((s) =>
    byService
      .get(s)!
      .reduce((sum, r) => sum.plus(r.amount), Exact.zero)
      .floorBigInt(),
  );
  const taxed = applyTax(subtotals, settings.rate, settings.taxMode);
  const serviceTotals: ServiceTotal[] = services.map((service, i) => {
    const t = taxed.services[i]!;
    const entry: ServiceTotal = { service, subtotal: t.subtotal.toString() };
    if (t.tax !== undefined && t.total !== undefined) {
      entry.tax = t.tax.toString();
      entry.total = t.total.toString();
    }
    return entry;
  });
  return {
    account,
    lines,
    services: serviceTotals,
    subtotal: taxed.subtotal.toString(),
    tax: taxed.tax.toString(),
    total: taxed.total.toString(),
  };
}
