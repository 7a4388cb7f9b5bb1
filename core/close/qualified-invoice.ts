import type { SellerProfile } from '../documents';
import { Exact } from '../money';
import { applyTax, type AccountBill, type TaxMode } from '../rating';

/** The qualified invoice system (インボイス制度) applies to billing months from this one (R-TAX-4). */
export const QUALIFIED_INVOICE_FROM = '2023-10';

/**
 * R-TAX-4: the tax mode of a month's statement. A registered seller's statement for a month from 2023-10 is a
 * qualified invoice, its tax rounded once per rate per document (`per_invoice`, R-TAX-3), whatever the usage
 * file says; otherwise the file's own mode stands (R-TAX-2 by default).
 */
export function statementTaxMode(fileMode: TaxMode, month: string, seller: SellerProfile): TaxMode {
  return seller.registrationNumber !== undefined && month >= QUALIFIED_INVOICE_FROM ? 'per_invoice' : fileMode;
}

/**
 * An account's bill with its tax figured again in `mode` (R-TAX-2 or R-TAX-3): the lines and each service's
 * whole-yen subtotal stay as rated (R-RATE-8); only the tax, and where it sits, changes.
 */
export function taxedInMode(bill: AccountBill, rate: string, mode: TaxMode): AccountBill {
  const taxed = applyTax(
    bill.services.map((s) => BigInt(s.subtotal)),
    Exact.of(rate),
    mode,
  );
  return {
    ...bill,
    services: bill.services.map((s, i) => {
      const t = taxed.services[i]!;
      return t.tax === undefined
        ? { service: s.service, subtotal: s.subtotal }
        : { service: s.service, subtotal: s.subtotal, tax: String(t.tax), total: String(t.total) };
    }),
    subtotal: String(taxed.subtotal),
    tax: String(taxed.tax),
    total: String(taxed.total),
  };
}
