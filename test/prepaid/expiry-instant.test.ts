import { describe, expect, it } from 'vitest';
import { ledgerBalance, prepaidOffice, YAMADA, type PrepaidOffice } from './office';

/** A month's usage for CA-000001: VMs at ¥10 an hour while running, each from its JST creation to its deletion. */
function usage(month: string, vms: { id: string; from: string; to?: string }[]): string {
  return JSON.stringify({
    month,
    taxMode: 'per_service',
    taxRate: '0.10',
    plans: [{ id: 'vm.ten', service: 'server', meter: 'running', charge: 'metered', unitPrice: '10' }],
    accounts: [
      {
        account: 'CA-000001',
        resources: vms.map((vm) => ({
          id: vm.id,
          plan: 'vm.ten',
          events: [{ at: vm.from, type: 'create' }, ...(vm.to === undefined ? [] : [{ at: vm.to, type: 'delete' }])],
        })),
      },
    ],
  });
}

async function registeredFiftyThousand(t: PrepaidOffice, registerAt: string): Promise<string> {
  const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
  await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
  const { code } = await t.buy(m.memberNumber, '50000', 'ZB-EXPIRY');
  t.at(registerAt);
  const r = await t.ok<{ expiresAt: string }>('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales');
  return r.expiresAt;
}

const idRow = (t: PrepaidOffice) => t.scalar("select status || ' ' || balance || ' ' || forfeited from prepaid_ids");

describe('R-PRE-14: an ID pays only for usage within its period', () => {
  it('R-PRE-14: registered 2028-02-29 10:00 JST, expiring 2029-02-28 10:00: the 2029-03-01 daily run keeps the ¥7,238 billed up to the instant, forfeits ¥42,762, and every view says so', async () => {
    const t = await prepaidOffice('2028-02-28T01:00:00.000Z');
    try {
      expect(await registeredFiftyThousand(t, '2028-02-29T01:00:00.000Z')).toBe('2029-02-28T01:00:00.000Z');
      // February 2029: one VM all month. Up to the instant 27 days 10 h = 658 h × ¥10 = ¥6,580, ¥7,238 with tax;
      // the whole month 672 h = ¥6,720, ¥7,392 with tax: ¥154 of it after the instant.
      t.at('2029-03-01T01:00:00.000Z');
      await t.ok(
        'usage.import',
        { content: usage('2029-02', [{ id: 'vm-1', from: '2029-02-01T00:00:00+09:00' }]) },
        'accounting',
      );
      t.at('2029-03-01T20:00:00.000Z');
      expect(await t.ok('prepaid.dailyUpdate', { date: '2029-03-01' }, 'accounting')).toMatchObject({
        forfeited: { count: 1, total: '42762' },
      });
      expect(await idRow(t)).toBe('expired 7238 42762');
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        asOf: '2029-03-01',
        balance: '7238',
        projected: '0',
        nextExpiresAt: null,
      });
      expect(await t.ok('prepaid.list', { memberNumber: 'M-000001' }, 'sales')).toMatchObject([
        { status: 'expired', balance: '7238', forfeited: '42762' },
      ]);
      expect([
        await ledgerBalance(t, 'forfeited_balances', 'credit'),
        await ledgerBalance(t, 'prepaid_liability', 'credit'),
      ]).toEqual([42_762, 7_238]);

      t.at('2029-03-02T01:00:00.000Z');
      await t.ok('billing.closeMonth', { month: '2029-02' }, 'accounting');
      const [bill] = await t.ok<{ total: string; prepaidApplied: string; amountDue: string }[]>(
        'billing.listBills',
        { month: '2029-02' },
        'accounting',
      );
      expect(bill).toMatchObject({ total: '7392', prepaidApplied: '7238', amountDue: '154' });
      expect(await idRow(t)).toBe('expired 0 42762');
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(0);
      t.at('2029-03-02T20:00:00.000Z');
      expect(await t.ok('prepaid.dailyUpdate', { date: '2029-03-02' }, 'accounting')).toMatchObject({
        forfeited: { count: 0, total: '0' },
      });
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({ balance: '0' });
    } finally {
      await t.close();
    }
  });

  it('R-PRE-14: an ID expiring 2029-03-15 10:00 JST pays the ¥3,696 of usage before it; the ¥2,640 of usage from 03-20 is billed to the overage method', async () => {
    const t = await prepaidOffice('2028-03-14T01:00:00.000Z');
    try {
      expect(await registeredFiftyThousand(t, '2028-03-15T01:00:00.000Z')).toBe('2029-03-15T01:00:00.000Z');
      // vm-1: 1–15 March 00:00, 336 h = ¥3,360 (¥3,696 with tax); vm-2: 20–30 March, 240 h = ¥2,400 (¥2,640 with tax).
      const march = usage('2029-03', [
        { id: 'vm-1', from: '2029-03-01T00:00:00+09:00', to: '2029-03-15T00:00:00+09:00' },
        { id: 'vm-2', from: '2029-03-20T00:00:00+09:00', to: '2029-03-30T00:00:00+09:00' },
      ]);
      t.at('2029-03-10T20:00:00.000Z');
      await t.ok('usage.import', { content: march }, 'accounting');
      // Before the instant the whole balance is there; month-to-date (end of the 10th): 240 h = ¥2,640 with tax.
      await t.ok('prepaid.dailyUpdate', { date: '2029-03-10' }, 'accounting');
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        balance: '50000',
        monthToDate: '2640',
        projected: '47360',
      });
      t.at('2029-03-20T20:00:00.000Z');
      expect(await t.ok('prepaid.dailyUpdate', { date: '2029-03-20' }, 'accounting')).toMatchObject({
        forfeited: { count: 1, total: '46304' },
      });
      expect(await idRow(t)).toBe('expired 3696 46304');
      // Month-to-date at the end of the 20th: 336 h + 24 h = 360 h = ¥3,960 with tax; nothing left to project.
      expect(await t.ok('prepaid.balance', { cloudAccountCode: 'CA-000001' }, 'sales')).toMatchObject({
        balance: '3696',
        monthToDate: '3960',
        projected: '0',
        nextExpiresAt: null,
      });
      t.at('2029-04-01T01:00:00.000Z');
      await t.ok('billing.closeMonth', { month: '2029-03' }, 'accounting');
      const [bill] = await t.ok<{ total: string; prepaidApplied: string; amountDue: string }[]>(
        'billing.listBills',
        { month: '2029-03' },
        'accounting',
      );
      // 576 h = ¥5,760, ¥6,336 with tax: ¥3,696 from the ID, ¥2,640 owed.
      expect(bill).toMatchObject({ total: '6336', prepaidApplied: '3696', amountDue: '2640' });
      expect(await idRow(t)).toBe('expired 0 46304');
      expect([
        await ledgerBalance(t, 'forfeited_balances', 'credit'),
        await ledgerBalance(t, 'prepaid_liability', 'credit'),
      ]).toEqual([46_304, 0]);
    } finally {
      await t.close();
    }
  });
});
