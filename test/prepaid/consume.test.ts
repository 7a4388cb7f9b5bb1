import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { consumePrepaidForBill } from '../../core/prepaid/consume';
import { dbFixture, memberWithAccount, noExpiryInMonth, registeredId } from './db-fixture';

const yen = (n: number | string) => new Dec(n);
const plain = (r: { applied: Dec; consumptions: { prepaidId: number; amount: Dec }[] }) => ({
  applied: r.applied.toFixed(),
  consumptions: r.consumptions.map((c) => [c.prepaidId, c.amount.toFixed()]),
});

describe('consumePrepaidForBill', () => {
  it('R-PRE-8: the ID that expires first is consumed first: ¥45,000 against ¥30,000 (first to expire) and ¥50,000 → ¥30,000 + ¥15,000', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      // The ¥50,000 ID was registered first but expires later; ¥30,000 was registered mid-March.
      const later = await registeredId(f.db, ids, 50_000, '2026-03-01T00:00:00.000Z', '2027-03-31T00:00:00.000Z');
      const first = await registeredId(f.db, ids, 30_000, '2026-03-15T05:00:00.000Z', '2027-02-28T00:00:00.000Z');
      const r = await consumePrepaidForBill(f.db, {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(45_000),
        billUntil: noExpiryInMonth,
        at: '2026-04-10T00:00:00Z',
      });
      expect(plain(r)).toEqual({
        applied: '45000',
        consumptions: [
          [first, '30000'],
          [later, '15000'],
        ],
      });
      const balances = await f.db.selectFrom('prepaid_ids').select(['id', 'balance']).orderBy('id').execute();
      expect(balances).toEqual([
        { id: later, balance: 35_000 },
        { id: first, balance: 0 },
      ]);
    } finally {
      await f.close();
    }
  });

  it('R-PRE-9: the balance offsets the tax-included total; what it does not cover is left to the overage method', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      const only = await registeredId(f.db, ids, 10_000, '2026-03-02T00:00:00.000Z', '2027-03-02T00:00:00.000Z');
      // ¥11,000 tax included (¥10,000 + ¥1,000 tax): ¥10,000 from the balance, ¥1,000 billed.
      const r = await consumePrepaidForBill(f.db, {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(11_000),
        billUntil: noExpiryInMonth,
        at: '2026-04-10T00:00:00Z',
      });
      expect(plain(r)).toEqual({ applied: '10000', consumptions: [[only, '10000']] });
      expect(yen(11_000).minus(r.applied).toFixed()).toBe('1000');
    } finally {
      await f.close();
    }
  });

  it('R-PRE-7: an ID registered on the last day of the month at 23:59 JST covers that whole month; one registered a second after the month ends does not', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      // 2026-03-31 23:59:59 JST = 14:59:59Z; April starts at 15:00:00Z.
      const inMarch = await registeredId(f.db, ids, 10_000, '2026-03-31T14:59:59.000Z', '2027-03-31T14:59:59.000Z');
      await registeredId(f.db, ids, 50_000, '2026-03-31T15:00:00.000Z', '2027-03-31T15:00:00.000Z');
      const r = await consumePrepaidForBill(f.db, {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(12_345),
        billUntil: noExpiryInMonth,
        at: '2026-04-10T00:00:00Z',
      });
      expect(plain(r)).toEqual({ applied: '10000', consumptions: [[inMarch, '10000']] });
    } finally {
      await f.close();
    }
  });

  it('R-PRE-10: the balance ran out mid-March and a new ID was registered on 25 March: the March bill of ¥25,000 takes ¥10,000 + ¥15,000', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      const old = await registeredId(f.db, ids, 10_000, '2026-02-02T00:00:00.000Z', '2027-02-02T00:00:00.000Z');
      const added = await registeredId(f.db, ids, 30_000, '2026-03-25T06:00:00.000Z', '2027-03-25T06:00:00.000Z');
      const r = await consumePrepaidForBill(f.db, {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(25_000),
        billUntil: noExpiryInMonth,
        at: '2026-04-10T00:00:00Z',
      });
      expect(plain(r)).toEqual({
        applied: '25000',
        consumptions: [
          [old, '10000'],
          [added, '15000'],
        ],
      });
    } finally {
      await f.close();
    }
  });

  it('R-PRE-10: a second offset of the same month applies nothing more, even after a new ID is registered', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      await registeredId(f.db, ids, 10_000, '2026-03-02T00:00:00.000Z', '2027-03-02T00:00:00.000Z');
      const args = {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(25_000),
        billUntil: noExpiryInMonth,
        at: '2026-04-10T00:00:00Z',
      };
      expect(plain(await consumePrepaidForBill(f.db, args))).toMatchObject({ applied: '10000' });
      await registeredId(f.db, ids, 30_000, '2026-03-20T00:00:00.000Z', '2027-03-20T00:00:00.000Z');
      const again = await consumePrepaidForBill(f.db, args);
      expect({ ...plain(again), repeated: again.repeated }).toEqual({ applied: '0', consumptions: [], repeated: true });
      expect(
        await f.db
          .selectFrom('prepaid_consumptions')
          .select(({ fn }) => fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ).toEqual({ n: 1 });
      const untouched = await f.db
        .selectFrom('prepaid_ids')
        .select('balance')
        .where('amount', '=', 30_000)
        .executeTakeFirstOrThrow();
      expect(untouched.balance).toBe(30_000);
    } finally {
      await f.close();
    }
  });

  it('R-PRE-6, R-PRE-14: an ID expired before March pays nothing of it; one expiring 2026-03-15 10:00 JST pays only the ¥3,300 billed up to that instant, the rest forfeited', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      // Expired 2026-02-28 09:00 JST, before March: no use for March.
      await registeredId(f.db, ids, 10_000, '2025-02-28T00:00:00.000Z', '2026-02-28T00:00:00.000Z');
      const midMarch = await registeredId(f.db, ids, 30_000, '2025-03-15T01:00:00.000Z', '2026-03-15T01:00:00.000Z');
      const asked: string[] = [];
      const r = await consumePrepaidForBill(f.db, {
        cloudAccountId: ids.accountId,
        month: '2026-03',
        totalYen: yen(5_940),
        // March's bill of the usage up to the expiry instant: ¥3,300; ¥2,640 more after it.
        billUntil: (instant) => {
          asked.push(instant);
          return Promise.resolve(yen(3_300));
        },
        at: '2026-04-10T00:00:00Z',
      });
      expect(asked).toEqual(['2026-03-15T01:00:00.000Z']);
      expect(plain(r)).toEqual({ applied: '3300', consumptions: [[midMarch, '3300']] });
      const row = await f.db
        .selectFrom('prepaid_ids')
        .select(['status', 'balance', 'forfeited'])
        .where('id', '=', midMarch)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'expired', balance: 0, forfeited: 26_700 });
    } finally {
      await f.close();
    }
  });

  it('refuses a fractional or negative total and writes nothing', async () => {
    const f = await dbFixture();
    try {
      const ids = await memberWithAccount(f.db);
      await expect(
        consumePrepaidForBill(f.db, {
          cloudAccountId: ids.accountId,
          month: '2026-03',
          totalYen: yen('10.5'),
          billUntil: noExpiryInMonth,
          at: '2026-04-10T00:00:00Z',
        }),
      ).rejects.toThrow(/totalYen/);
      await expect(
        consumePrepaidForBill(f.db, {
          cloudAccountId: ids.accountId,
          month: '2026-13',
          totalYen: yen(1),
          billUntil: noExpiryInMonth,
          at: '2026-04-10T00:00:00Z',
        }),
      ).rejects.toThrow(/month/);
      expect(await f.db.selectFrom('prepaid_month_offsets').selectAll().execute()).toEqual([]);
    } finally {
      await f.close();
    }
  });
});
