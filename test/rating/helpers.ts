import { InputError } from '../../core/errors';
import { defaultCatalog, rateUsage, type AccountBill, type Bill, type BillLine } from '../../core/rating';

/** Plans used by the rule tests; prices chosen so hand-worked figures stay small. */
export const PLANS = {
  vm: { id: 'vm.plain', service: 'server', meter: 'running', charge: 'metered', unitPrice: '7' },
  vmPerSecond: { id: 'vm.hourly3600', service: 'server', meter: 'running', charge: 'metered', unitPrice: '3600' },
  s4: {
    id: 'vm.standard.s4',
    service: 'server',
    meter: 'running',
    charge: 'metered_capped',
    unitPrice: '10.5',
    monthlyCap: '6800',
  },
  m8: {
    id: 'vm.standard.m8',
    service: 'server',
    meter: 'running',
    charge: 'metered_capped',
    unitPrice: '21',
    monthlyCap: '13600',
  },
  dedicated: { id: 'dedicated.plain', service: 'server', meter: 'lifetime', charge: 'metered', unitPrice: '7' },
  volume: {
    id: 'volume.std',
    service: 'volume',
    meter: 'capacity',
    charge: 'metered_capped',
    unitPrice: '0.0125',
    monthlyCap: '8',
  },
  disk: { id: 'volume.plain', service: 'volume', meter: 'capacity', charge: 'metered', unitPrice: '0.01' },
  archive: { id: 'archive.std', service: 'archive', meter: 'capacity', charge: 'metered', unitPrice: '0.01' },
  license: { id: 'license.plain', service: 'license', meter: 'lifetime', charge: 'metered', unitPrice: '2' },
  network: { id: 'network.plain', service: 'network', meter: 'lifetime', charge: 'metered', unitPrice: '3' },
  ip: { id: 'ip.plain', service: 'ip', meter: 'lifetime', charge: 'metered', unitPrice: '1' },
  inet: { id: 'internet.metered', service: 'internet', meter: 'transfer', charge: 'metered', unitPrice: '10' },
  flat: { id: 'internet.flat', service: 'internet', meter: 'none', charge: 'monthly', monthlyPrice: '5000' },
} as const;

export type Ev = { at: string; type: string; plan?: string; sizeGB?: number };
export type Res = { id: string; plan: string; events: Ev[]; transfers?: Array<{ at: string; gb: string }> };

/** A usage file for October 2026 (JST) with every test plan, unless overridden. */
export function usageOf(resources: Res[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { month: '2026-10', plans: Object.values(PLANS), accounts: [{ account: 'CA-1', resources }], ...extra };
}

export const rate = (usage: unknown): Bill => rateUsage(usage, defaultCatalog());

export function onlyAccount(bill: Bill): AccountBill {
  if (bill.accounts.length !== 1) throw new Error(`expected one account, got ${bill.accounts.length}`);
  return bill.accounts[0]!;
}

/** The lines of a one-account bill, without the fields a test does not look at. */
export function linesOf(usage: unknown): BillLine[] {
  return onlyAccount(rate(usage)).lines;
}

/** The `path: message` lines of the InputError the usage raises (fails the test when none is raised). */
export function problemsOf(usage: unknown): string[] {
  try {
    rate(usage);
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  throw new Error('expected the usage to be refused');
}

export const jst = (text: string) => `${text}+09:00`;
