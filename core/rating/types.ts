import type { Dec } from '../money';

/** R-RATE-9: the services, in the order bills list them. Each is a unit of tax calculation. */
export const SERVICES = ['server', 'license', 'volume', 'internet', 'network', 'archive', 'ip'] as const;
export type Service = (typeof SERVICES)[number];

/** R-RATE-3: what time (or quantity) a plan counts. */
export const METERS = ['running', 'lifetime', 'capacity', 'transfer', 'none'] as const;
export type Meter = (typeof METERS)[number];

/** R-RATE-1: how a plan charges. */
export const CHARGES = ['metered', 'metered_capped', 'monthly'] as const;
export type Charge = (typeof CHARGES)[number];

export const TAX_MODES = ['per_service', 'per_invoice'] as const;
export type TaxMode = (typeof TAX_MODES)[number];

/** One price-list entry. Prices are decimals: per hour, per GB-hour (capacity) or per GB (transfer). */
export interface Plan {
  id: string;
  service: Service;
  meter: Meter;
  charge: Charge;
  /** For metered and metered_capped. */
  unitPrice?: Dec;
  /** For metered_capped; per GB for the capacity meter (R-RATE-5). */
  monthlyCap?: Dec;
  /** For monthly. */
  monthlyPrice?: Dec;
}

export type LineUnit = 'hour' | 'GB-hour' | 'GB' | 'month';

/** One (resource, plan) line of an account's bill (R-RATE-4). Key order is the contract's output order. */
export interface BillLine {
  resource: string;
  plan: string;
  service: Service;
  /** Decimal string; 6 places where no finite decimal holds the exact value. */
  quantity: string;
  unit: LineUnit;
  /** Decimal string; 6 places where no finite decimal holds the exact value (sums use the exact value). */
  amount: string;
  capped: boolean;
}

/** Whole yen as strings. `tax` and `total` are absent in per_invoice mode (the tax is on the account). */
export interface ServiceTotal {
  service: Service;
  subtotal: string;
  tax?: string;
  total?: string;
}

export interface AccountBill {
  account: string;
  lines: BillLine[];
  services: ServiceTotal[];
  subtotal: string;
  tax: string;
  total: string;
}

export interface Bill {
  /** `YYYY-MM` (JST). */
  month: string;
  taxMode: TaxMode;
  /** The rate applied, as its shortest decimal string ("0.1"). */
  taxRate: string;
  accounts: AccountBill[];
}

/** A bill without its accounts: what the usage file's settings give. */
export type BillHead = Omit<Bill, 'accounts'>;
