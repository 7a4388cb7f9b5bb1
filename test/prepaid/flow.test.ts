import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/ledger/open-database';
import { postTransaction } from '../../core/ledger/post';
import { Dec } from '../../core/money';
import { consumePrepaidForBill } from '../../core/prepaid/consume';
import { noExpiryInMonth } from './db-fixture';
import { ledgerBalance, prepaidOffice, YAMADA } from './office';

describe('prepaid end to end', () => {
  it('R-PRE-2, R-PRE-7, R-PRE-8: from a drafted estimate to a March bill of ¥45,000 offset by two IDs: ¥30,000 (expires first) + ¥15,000 of the ¥50,000 registered mid-March', async () => {
    const t = await prepaidOffice('2026-02-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber, label: '本番' }, 'sales');
      const first = await t.buy(m.memberNumber, '30000', 'ZB-FEB');
      t.at('2026-02-10T03:00:00.000Z');
      expect(
        await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code: first.code }, 'sales'),
      ).toMatchObject({ expiresAt: '2027-02-10T03:00:00.000Z' });

      t.at('2026-03-02T01:00:00.000Z');
      const second = await t.buy(m.memberNumber, '50000', 'ZB-MAR');
      expect([first.estimateNumber, second.estimateNumber, second.statementNumber]).toEqual([
        'EST-2026-000001',
        'EST-2026-000002',
        'BIL-2026-000002',
      ]);
      t.at('2026-03-20T03:00:00.000Z'); // registered mid-March: it covers the whole of March
      expect(
        await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code: second.code }, 'sales'),
      ).toMatchObject({ expiresAt: '2027-03-20T03:00:00.000Z' });
      expect([await ledgerBalance(t, 'bank', 'debit'), await ledgerBalance(t, 'prepaid_liability', 'credit')]).toEqual([
        80_000, 80_000,
      ]);

      // The month close (another module) offsets March's bill inside its own transaction and posts it.
      const opened = await openDatabase(t.file);
      try {
        const offset = await opened.db.transaction().execute(async (trx) => {
          const r = await consumePrepaidForBill(trx, {
            cloudAccountId: 1,
            month: '2026-03',
            totalYen: new Dec(45_000),
            billUntil: noExpiryInMonth,
            at: '2026-04-10T00:00:00.000Z',
          });
          await postTransaction(trx, {
            kind: 'invoice',
            memo: 'March bill of CA-000001 (as the month close posts it)',
            postedAt: '2026-04-10T00:00:00.000Z',
            postedBy: null,
            lines: [
              { account: 'prepaid_liability', side: 'debit', amount: r.applied },
              { account: 'revenue', side: 'credit', amount: new Dec(40_910) },
              { account: 'tax_payable', side: 'credit', amount: new Dec(4_090) },
            ],
          });
          return r;
        });
        expect(offset.applied.toFixed()).toBe('45000');
        expect(offset.consumptions.map((c) => c.amount.toFixed())).toEqual(['30000', '15000']);
        const again = await opened.db.transaction().execute((trx) =>
          consumePrepaidForBill(trx, {
            cloudAccountId: 1,
            month: '2026-03',
            totalYen: new Dec(45_000),
            billUntil: noExpiryInMonth,
            at: '2026-04-11T00:00:00.000Z',
          }),
        );
        expect([again.applied.toFixed(), again.repeated]).toEqual(['0', true]);
      } finally {
        await opened.close();
      }
      const ids = await t.ok<{ codeHint: string; balance: string; status: string; cloudAccountCode: string }[]>(
        'prepaid.list',
        { memberNumber: m.memberNumber },
        'accounting',
      );
      expect(ids.map((i) => [i.codeHint, i.balance, i.status, i.cloudAccountCode])).toEqual([
        [first.code.slice(-4), '0', 'registered', 'CA-000001'],
        [second.code.slice(-4), '35000', 'registered', 'CA-000001'],
      ]);
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(35_000);
      expect(Number(await t.scalar('select sum(debit) - sum(credit) from ledger_entries'))).toBe(0);
    } finally {
      await t.close();
    }
  });
});
