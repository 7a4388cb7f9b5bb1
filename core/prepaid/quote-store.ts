import { plansForMonth } from '../billing/price-plans-store';
import type { LedgerDb } from '../ledger/open-database';
import { sellerAsOf } from '../parties';
import { priceQuote, type PricedQuote, type Quote } from './quote';

/** A quote priced as of `today` (YYYY-MM-DD): that month's price plans and that day's seller (R-TAX-4, R-TAX-5). */
export async function priceQuoteOn(db: LedgerDb, quote: Quote, today: string): Promise<PricedQuote> {
  const plans = await plansForMonth(db, today.slice(0, 7));
  const seller = await sellerAsOf(db, today);
  return priceQuote(quote, plans, seller.registrationNumber !== undefined);
}
