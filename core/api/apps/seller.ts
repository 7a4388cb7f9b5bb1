import { formatDate, jstToday } from '../../time';
import { sellerHistory, sellerOn, setSeller } from '../../parties';
import { defineOperation, type OperationApp } from '../operation';
import { sellerInput, setSellerInput } from '../schemas/seller';

/** R-TAX-5: the seller on a day (default today) with every dated setting, newest first. */
const get = defineOperation({
  name: 'seller.get',
  roles: ['admin', 'sales', 'accounting', 'supervisor'],
  input: sellerInput,
  audited: false,
  handler: async (ctx, input) => {
    const history = await sellerHistory(ctx.db);
    const date = input.date ?? formatDate(jstToday(ctx.now));
    return {
      date,
      configured: history.some((h) => h.effectiveFrom <= date),
      seller: sellerOn(history, date),
      history: [...history].reverse().map((h) => ({
        id: h.id,
        effectiveFrom: h.effectiveFrom,
        seller: h.seller,
        createdAt: h.createdAt,
        createdBy: h.createdBy,
      })),
    };
  },
});

/** R-TAX-5: the administrator sets the seller from a date (today or later), checked as documents check it. */
const set = defineOperation({
  name: 'seller.set',
  roles: ['admin'],
  // The first-run screen asks for the seller before the first administrator exists (R-TAX-5).
  openBeforeSetup: true,
  input: setSellerInput,
  audited: true,
  handler: (ctx, input) =>
    setSeller(ctx.db, input, formatDate(jstToday(ctx.now)), ctx.now.toISOString(), ctx.operator?.login ?? null),
});

export const sellerApp = { domain: 'seller', operations: [get, set] } as const satisfies OperationApp;
