import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { consumePrepaidForBill } from '../../core/prepaid/consume';
import { dbFixture, memberWithAccount, registeredId } from './db-fixture';

const MARCH_START = Date.parse('2026-02-28T15:00:00.000Z');
const DAY = 86_400_000;
const APRIL_START = '2026-03-31T15:00:00.000Z';

/** An ID: its amount, registration day relative to 1 March (−400 … +40) and its expiry 12 months later. */
const prepaidId = fc.record({
  amount: fc.integer({ min: 1, max: 100_000 }),
  registeredDay: fc.integer({ min: -400, max: 40 }),
});

describe('consumePrepaidForBill, property', () => {
  it('R-PRE-8, R-PRE-9: applies min(bill, usable balances), first to expire first, at most one ID left partly used', async () => {
    const f = await dbFixture();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(prepaidId, { maxLength: 6 }),
          fc.integer({ min: 0, max: 300_000 }),
          async (ids, total) => {
            const owner = await memberWithAccount(f.db);
            const rows: { id: number; amount: number; expires: string; usable: boolean }[] = [];
            for (const p of ids) {
              const registered = new Date(MARCH_START + p.registeredDay * DAY);
              const expires = new Date(registered.getTime() + 365 * DAY);
              const id = await registeredId(f.db, owner, p.amount, registered.toISOString(), expires.toISOString());
              // Usable for March: registered before April (31 days) and not expired before March starts.
              const usable = p.registeredDay < 31 && expires.getTime() > MARCH_START;
              rows.push({ id, amount: p.amount, expires: expires.toISOString(), usable });
            }
            const r = await consumePrepaidForBill(f.db, {
              cloudAccountId: owner.accountId,
              month: '2026-03',
              totalYen: new Dec(total),
              // The whole month's usage before any expiry instant: an ID expiring in March pays as the others do.
              billUntil: () => Promise.resolve(new Dec(total)),
              at: '2026-04-10T00:00:00Z',
            });
            const usable = rows
              .filter((x) => x.usable)
              .sort((a, b) => (a.expires < b.expires ? -1 : a.expires > b.expires ? 1 : a.id - b.id));
            const available = usable.reduce((s, x) => s + x.amount, 0);
            expect(r.applied.toNumber()).toBe(Math.min(total, available));
            // The consumptions are a prefix of the usable IDs in expiry order, all used up but the last.
            expect(r.consumptions.map((c) => c.prepaidId)).toEqual(
              usable.slice(0, r.consumptions.length).map((x) => x.id),
            );
            r.consumptions.forEach((c, i) => {
              if (i < r.consumptions.length - 1) expect(c.amount.toNumber()).toBe(usable[i]!.amount);
            });
            expect(r.consumptions.reduce((s, c) => s + c.amount.toNumber(), 0)).toBe(r.applied.toNumber());
            const after = await f.db
              .selectFrom('prepaid_ids')
              .select(['id', 'balance', 'forfeited'])
              .where('cloud_account_id', '=', owner.accountId)
              .execute();
            for (const row of after) {
              const used = r.consumptions.find((c) => c.prepaidId === row.id)?.amount.toNumber() ?? 0;
              const id = rows.find((x) => x.id === row.id)!;
              // R-PRE-14: an ID that expired during March keeps nothing once March is offset.
              const expiredInMarch = id.usable && id.expires < APRIL_START;
              const left = id.amount - used;
              expect([row.balance, row.forfeited]).toEqual(expiredInMarch ? [0, left] : [left, 0]);
            }
          },
        ),
        { numRuns: 60 },
      );
    } finally {
      await f.close();
    }
  });
});
