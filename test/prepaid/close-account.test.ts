import { describe, expect, it } from 'vitest';
import { ledgerBalance, prepaidOffice, YAMADA } from './office';

const MAY_USAGE = JSON.stringify({
  month: '2026-05',
  taxMode: 'per_service',
  taxRate: '0.10',
  plans: [{ id: 'vm.ten', service: 'server', meter: 'running', charge: 'metered', unitPrice: '10' }],
  accounts: [
    {
      account: 'CA-000001',
      resources: [
        {
          id: 'vm-1',
          plan: 'vm.ten',
          events: [
            { at: '2026-05-01T00:00:00+09:00', type: 'create' },
            { at: '2026-05-12T12:00:00+09:00', type: 'delete' },
          ],
        },
      ],
    },
  ],
});

describe('R-PRE-11: closing a cloud account', () => {
  it('R-PRE-11: closing CA-000001 on 2026-05-12 voids its two IDs (¥30,000 expiring 2027-03, ¥50,000 expiring 2027-04) and posts ¥80,000 forfeited; May so far (¥3,036) is billed at the close to the overage method; one close_account command', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
      const first = await t.buy(m.memberNumber, '30000', 'ZB-A');
      await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code: first.code }, 'sales');
      t.at('2026-04-06T01:00:00.000Z');
      const second = await t.buy(m.memberNumber, '50000', 'ZB-B');
      await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code: second.code }, 'sales');
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(80_000);

      t.at('2026-05-12T03:00:00.000Z');
      const closed = await t.ok('cloudAccounts.close', { code: 'CA-000001', reason: '解約の申し出' }, 'accounting');
      expect(closed).toEqual({
        code: 'CA-000001',
        closedAt: '2026-05-12T03:00:00.000Z',
        alreadyClosed: false,
        voided: { count: 2, total: '80000' },
        finalBillMonth: '2026-05',
        command: 'close_account',
      });
      expect(await t.rows('select status, balance, forfeited from prepaid_ids order by id')).toEqual([
        { status: 'void', balance: 0, forfeited: 30_000 },
        { status: 'void', balance: 0, forfeited: 50_000 },
      ]);
      expect([
        await ledgerBalance(t, 'prepaid_liability', 'credit'),
        await ledgerBalance(t, 'forfeited_balances', 'credit'),
      ]).toEqual([0, 80_000]);
      expect(await t.rows("select topic, status from outbox where channel = 'platform'")).toEqual([
        { topic: 'close_account', status: 'pending' },
      ]);
      expect(Number(await t.scalar("select count(*) from audit_log where operation = 'cloudAccounts.close'"))).toBe(1);
      // Sales may not close an account; a second close changes nothing.
      expect(await t.office.call('cloudAccounts.close', { code: 'CA-000001', reason: 'x' }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
      expect(await t.ok('cloudAccounts.close', { code: 'CA-000001', reason: '二度目' }, 'accounting')).toMatchObject({
        alreadyClosed: true,
        voided: { count: 0, total: '0' },
      });
      expect(Number(await t.scalar("select count(*) from outbox where channel = 'platform'"))).toBe(1);

      // The final bill: May's usage up to the deletion, 11.5 days = 276 h × ¥10 = ¥2,760, ¥3,036 with tax.
      await t.ok('usage.import', { content: MAY_USAGE }, 'accounting');
      t.at('2026-06-01T01:00:00.000Z');
      await t.ok('billing.closeMonth', { month: '2026-05' }, 'accounting');
      const [bill] = await t.ok<{ total: string; prepaidApplied: string; amountDue: string }[]>(
        'billing.listBills',
        { month: '2026-05' },
        'accounting',
      );
      expect(bill).toMatchObject({ total: '3036', prepaidApplied: '0', amountDue: '3036' });
    } finally {
      await t.close();
    }
  });
});
