import { Dec, Exact } from '../money';
import {
  applyTax,
  rateUsage,
  simulatedUsage,
  type PlanTable,
  type Service,
  type SimulatedLine,
  type TaxMode,
} from '../rating';

/** A configuration a sales rep quotes: the simulator's lines, for a number of months. */
export interface Quote {
  months: number;
  lines: SimulatedLine[];
}

export interface PricedQuoteLine extends SimulatedLine {
  /** The line's monthly amount before tax, exact (R-RATE-8: it may keep a fraction until the service subtotal). */
  monthly: string;
}

export interface QuoteFigures {
  subtotal: string;
  tax: string;
  total: string;
}

export interface PricedQuote {
  months: number;
  taxMode: TaxMode;
  taxRate: string;
  lines: PricedQuoteLine[];
  /** Each service's whole-yen monthly subtotal, in billing order (R-RATE-9). */
  services: { service: Service; monthly: string }[];
  monthly: QuoteFigures;
  /** The whole period: each service's subtotal × months, then the tax of the mode once (R-TAX-2/3). */
  period: QuoteFigures;
}

function figures(subtotals: bigint[], rate: string, mode: TaxMode): QuoteFigures {
  const taxed = applyTax(subtotals, Exact.of(rate), mode);
  return { subtotal: String(taxed.subtotal), tax: String(taxed.tax), total: String(taxed.total) };
}

/**
 * Prices a quote by the rating core, as the month close would bill it (R-RATE-*), per month and for the whole
 * period. R-TAX-4: a registered seller's estimate is a qualified invoice, its tax rounded once per rate per
 * document (`per_invoice`); otherwise per service (R-TAX-2).
 */
export function priceQuote(quote: Quote, plans: PlanTable, registeredSeller: boolean): PricedQuote {
  const taxMode: TaxMode = registeredSeller ? 'per_invoice' : 'per_service';
  const bill = rateUsage(simulatedUsage(quote.lines, plans, undefined, taxMode), plans);
  const account = bill.accounts[0];
  const lines = quote.lines.map((line, index) => {
    const own = (account?.lines ?? []).filter((l) => l.resource.startsWith(`sim-${index}-`));
    const monthly = own.reduce((sum, l) => sum.plus(l.amount), new Dec(0));
    return { ...line, monthly: monthly.toFixed() };
  });
  const services = (account?.services ?? []).map((s) => ({ service: s.service, monthly: s.subtotal }));
  const monthly = services.map((s) => BigInt(s.monthly));
  return {
    months: quote.months,
    taxMode,
    taxRate: bill.taxRate,
    lines,
    services,
    monthly: figures(monthly, bill.taxRate, taxMode),
    period: figures(
      monthly.map((m) => m * BigInt(quote.months)),
      bill.taxRate,
      taxMode,
    ),
  };
}
