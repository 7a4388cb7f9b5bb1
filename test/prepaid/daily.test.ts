import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/ledger/open-database';
import { Dec } from '../../core/money';
import { consumePrepaidForBill } from '../../core/prepaid/consume';
import { ledgerBalance, prepaidOffice, YAMADA, type PrepaidOffice } from './office';

/** March 2026 usage: one VM at ¥100 an hour, running from 1 March 00:00 JST; stopped on the 20th (after the days checked). */
const MARCH_USAGE = {
  month: '2026-03',
  taxMode: 'per_service',
  taxRate: '0.10',
  plans: [{ id: 'vm.test', service: 'server', meter: 'running', charge: 'metered', unitPrice: '100' }],
  accounts: [
    {
      account: 'CA-000001',
      resources: [
        {
          id: 'vm-1',
          plan: 'vm.test',
          events: [
            { at: '2026-03-01T00:00:00+09:00', type: 'create' },
            { at: '2026-03-20T00:00:00+09:00', type: 'stop' },
          ],
        },
      ],
    },
  ],
};

async function memberWithRegisteredId(t: PrepaidOffice, amount: string): Promise<void> {
  const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
  await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
  const { code } = await t.buy(m.memberNumber, amount, `ZB-${amount}`);
  await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales');
}

async function sql(t: PrepaidOffice, statement: string): Promise<void> {
  await t.rows(statement);
}

describe('daily update, alerts and forfeits', () => {
  it('R-PRE-12: the balance shown is as of the last daily update: balance − month-to-date usage rated to the end of the day, tax included', async () => {
    const t = await prepaidOffice('2026-02-16T01:00:00.000Z');
    try {
      await memberWithRegisteredId(t, '30000');
      t.at('2026-03-10T20:00:00.000Z'); // the update runs early on 11 March JST for the day of the 10th
      const r = await t.ok('prepaid.dailyUpdate', { date: '2026-03-10', usage: MARCH_USAGE }, 'accounting');
      expect(r).toMatchObject({ month: '2026-03', usageSource: 'input', accounts: 1 });
      // 10 days × 24 h = 240 h × ¥100 = ¥24,000 before tax; floor(24,000 × 1.1) = ¥26,400; 30,000 − 26,400 = 3,600.
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toEqual({
        cloudAccountCode: 'CA-000001',
        asOf: '2026-03-10',
        balance: '30000',
        monthToDate: '26400',
        projected: '3600',
        nextExpiresAt: '2027-02-16T01:00:00.000Z',
        alertThreshold: null,
      });
      // Bad usage is named under usage.… and changes nothing.
      const bad = await t.office.call(
        'prepaid.dailyUpdate',
        { date: '2026-03-11', usage: { ...MARCH_USAGE, month: '2026-13' } },
        'accounting',
      );
      expect(bad).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: expect.arrayContaining([
          { path: 'usage.month', code: 'month.invalid', message: 'not a month as YYYY-MM' },
        ]),
      });
      const april = await t.office.call(
        'prepaid.dailyUpdate',
        { date: '2026-03-11', usage: { ...MARCH_USAGE, month: '2026-04' } },
        'accounting',
      );
      expect(april).toMatchObject({
        ok: false,
        problems: [{ path: 'usage.month', message: 'usage of 2026-04, not of 2026-03' }],
      });
      expect(await t.scalar('select as_of from prepaid_daily_balances')).toBe('2026-03-10');
    } finally {
      await t.close();
    }
  });

  it("R-PRE-12: without a usage file given, the month's usage imports are rated, the newest file of each account counting", async () => {
    const t = await prepaidOffice('2026-02-16T01:00:00.000Z');
    try {
      await memberWithRegisteredId(t, '30000');
      const older = { ...MARCH_USAGE, plans: [{ ...MARCH_USAGE.plans[0], unitPrice: '200' }] };
      const insert = (digest: string, content: unknown) =>
        t.rows(
          `insert into usage_imports (month, content_digest, content, imported_at, imported_by) values ('2026-03', '${digest}', '${JSON.stringify(content)}', '2026-03-10T00:00:00.000Z', 'test')`,
        );
      await insert('older', older);
      await insert('newer', MARCH_USAGE);
      t.at('2026-03-10T20:00:00.000Z');
      expect(await t.ok('prepaid.dailyUpdate', { date: '2026-03-10' }, 'accounting')).toMatchObject({
        usageSource: 'usage_import:2,1',
      });
      // The newer file's ¥100 an hour: 240 h → ¥26,400 tax included, not the older file's ¥52,800.
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        monthToDate: '26400',
        projected: '3600',
      });
    } finally {
      await t.close();
    }
  });

  it("R-PRE-13: a low-balance alert when the projection falls below the member's ¥5,000 threshold, a billing alert when it is used up; each once a month", async () => {
    const t = await prepaidOffice('2026-02-16T01:00:00.000Z');
    try {
      await memberWithRegisteredId(t, '30000');
      await t.ok('prepaid.setAlertThreshold', { cloudAccountCode: 'CA-000001', threshold: '5000' }, 'sales');
      const run = async (date: string) =>
        (await t.ok<{ alerts: unknown[] }>('prepaid.dailyUpdate', { date, usage: MARCH_USAGE }, 'accounting')).alerts;
      expect(await run('2026-03-09')).toEqual([]); // 216 h: ¥21,600 → ¥23,760; projected ¥6,240
      expect(await run('2026-03-10')).toEqual([{ cloudAccountCode: 'CA-000001', kind: 'low_balance' }]); // projected ¥3,600
      expect(await run('2026-03-11')).toEqual([]); // 264 h → ¥29,040; projected ¥960: already alerted
      expect(await run('2026-03-12')).toEqual([{ cloudAccountCode: 'CA-000001', kind: 'used_up' }]); // 288 h → ¥31,680 > ¥30,000
      expect(await run('2026-03-13')).toEqual([]);
      const rows = await t.scalar(
        "select string_agg(topic || ' ' || status, ', ' order by id) from outbox where channel = 'email' and topic like 'prepaid.%' and topic != 'prepaid.id_notice'",
      );
      expect(rows).toBe('prepaid.low_balance pending, prepaid.used_up pending');
      const payload = JSON.parse(
        String(await t.scalar("select payload from outbox where topic = 'prepaid.used_up'")),
      ) as {
        to: string;
        eml: string;
      };
      expect(payload.to).toBe('keiri@yamada.example');
      const body = Buffer.from(payload.eml.split('\r\n\r\n')[1]!.replace(/\r\n/g, ''), 'base64').toString('utf8');
      expect(body).toContain('CA-000001 のプリペイド残高を使い切りました');
    } finally {
      await t.close();
    }
  });

  it('R-PRE-6, R-PRE-14: an ID registered on 29 Feb 2028 expires on 28 Feb 2029 at the same time; with no February usage known yet it keeps its ¥10,000 for the close, which takes the ¥4,000 billed up to the instant and forfeits ¥6,000', async () => {
    const t = await prepaidOffice('2028-02-28T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
      const { code } = await t.buy(m.memberNumber, '10000', 'ZB-LEAP');
      t.at('2028-02-29T03:00:00.000Z');
      expect(await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales')).toMatchObject({
        expiresAt: '2029-02-28T03:00:00.000Z',
      });
      t.at('2029-03-01T20:00:00.000Z');
      // Expired; no usage of February imported yet: it keeps its balance for February's bill, nothing forfeited.
      expect(await t.ok('prepaid.dailyUpdate', { date: '2029-03-01' }, 'accounting')).toMatchObject({
        forfeited: { count: 0, total: '0' },
      });
      expect(await t.scalar("select status || ' ' || balance || ' ' || forfeited from prepaid_ids")).toBe(
        'expired 10000 0',
      );
      const opened = await openDatabase(t.file);
      try {
        const r = await opened.db.transaction().execute((trx) =>
          consumePrepaidForBill(trx, {
            cloudAccountId: 1,
            month: '2029-02',
            totalYen: new Dec(4_500),
            billUntil: () => Promise.resolve(new Dec(4_000)),
            at: '2029-03-10T00:00:00Z',
          }),
        );
        expect(r.applied.toFixed()).toBe('4000');
      } finally {
        await opened.close();
      }
      expect(await t.scalar("select status || ' ' || balance || ' ' || forfeited from prepaid_ids")).toBe(
        'expired 0 6000',
      );
      expect(await t.ok('prepaid.dailyUpdate', { date: '2029-03-10' }, 'accounting')).toMatchObject({
        forfeited: { count: 0, total: '0' },
      });
      expect(await ledgerBalance(t, 'forfeited_balances', 'credit')).toBe(6_000);
      // ¥4,000 of the liability waits for the month close's own posting of the bill; ¥6,000 was forfeited.
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(4_000);
    } finally {
      await t.close();
    }
  });

  it('R-PRE-11: deleting the cloud account voids the remaining balance of its IDs, whatever their expiry, posted as forfeited', async () => {
    const t = await prepaidOffice('2026-02-16T01:00:00.000Z');
    try {
      await memberWithRegisteredId(t, '50000');
      await t.ok('prepaid.dailyUpdate', { date: '2026-05-11' }, 'accounting');
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        asOf: '2026-05-11',
        balance: '50000',
      });
      await sql(
        t,
        "update cloud_accounts set closed_at = '2026-05-12T00:00:00.000Z', status = 'terminated' where code = 'CA-000001'",
      );
      t.at('2026-05-12T20:00:00.000Z');
      expect(await t.ok('prepaid.dailyUpdate', { date: '2026-05-12' }, 'accounting')).toMatchObject({
        forfeited: { count: 1, total: '50000' },
      });
      expect(await t.scalar("select status || ' ' || balance || ' ' || forfeited from prepaid_ids")).toBe(
        'void 0 50000',
      );
      expect([
        await ledgerBalance(t, 'prepaid_liability', 'credit'),
        await ledgerBalance(t, 'forfeited_balances', 'credit'),
      ]).toEqual([0, 50_000]);
      expect(await t.ok('prepaid.dailyUpdate', { date: '2026-05-13' }, 'accounting')).toMatchObject({
        forfeited: { count: 0 },
      });
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        asOf: '2026-05-13',
        balance: '0',
        projected: '0',
        nextExpiresAt: null,
      });
    } finally {
      await t.close();
    }
  });
});
