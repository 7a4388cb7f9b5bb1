import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testOffice, type TestOffice } from './helpers';

interface TB {
  accounts: { account: string; balance: string }[];
  totalDebit: string;
  totalCredit: string;
  balanced: boolean;
}

/** debits − credits over every ledger line, read from disk through a second connection. */
const sumOfAllLines = (t: TestOffice) => t.scalar('select coalesce(sum(debit) - sum(credit), 0) from ledger_entries');

describe('ledger operations', () => {
  it('ledger.postAdjustment posts a balanced correction with its memo and audit entry; the trial balance shows it', async () => {
    const t = await testOffice();
    try {
      await t.ok(
        'members.create',
        { kind: 'corporation', name: '株式会社田中電機', nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ', email: 'a@tanaka.example' },
        'sales',
      );
      const out = await t.ok<{ transactionId: number; postedAt: string }>(
        'ledger.postAdjustment',
        {
          memo: '振込手数料の計上漏れ',
          lines: [
            { account: 'fees', side: 'debit', amount: '440' },
            { account: 'receivables', side: 'credit', amount: '440', memberNumber: 'M-000001' },
          ],
        },
        'accounting',
      );
      expect(out).toEqual({ transactionId: 1, postedAt: '2026-11-10T01:00:00.000Z' });
      const tb = await t.ok<TB>('ledger.trialBalance', {}, 'supervisor');
      expect(tb.accounts.find((a) => a.account === 'fees')?.balance).toBe('440');
      expect(tb.accounts.find((a) => a.account === 'receivables')?.balance).toBe('-440');
      expect([tb.totalDebit, tb.totalCredit, tb.balanced]).toEqual(['440', '440', true]);
      const audit = await t.ok<{ items: { operator: string; operation: string; outcome: string }[] }>(
        'audit.list',
        { operation: 'ledger.postAdjustment' },
        'supervisor',
      );
      expect(audit.items).toMatchObject([{ operator: 'accounting', outcome: 'ok' }]);
      const statement = await t.ok<{ lines: { memo: string; debit: string; balance: string }[] }>(
        'ledger.accountStatement',
        { account: 'fees', from: '2026-11-01', to: '2026-11-30' },
        'accounting',
      );
      expect(statement.lines).toMatchObject([{ memo: '振込手数料の計上漏れ', debit: '440', balance: '440' }]);
    } finally {
      await t.close();
    }
  });

  it('an unbalanced adjustment is refused naming `lines`; bad lines are named by index; nothing is written', async () => {
    const t = await testOffice();
    try {
      const counts = async () => [
        await t.count('ledger_transactions'),
        await t.count('ledger_entries'),
        await t.count('audit_log'),
      ];
      const before = await counts();
      expect(
        await t.office.call(
          'ledger.postAdjustment',
          {
            memo: '誤り',
            lines: [
              { account: 'bank', side: 'debit', amount: '1000' },
              { account: 'revenue', side: 'credit', amount: '999' },
            ],
          },
          'accounting',
        ),
      ).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'lines', message: 'unbalanced: debits 1000 yen, credits 999 yen' }],
      });
      const bad = await t.office.call(
        'ledger.postAdjustment',
        {
          memo: '',
          lines: [
            { account: 'bank', side: 'debit', amount: 1000 },
            { account: 'cash', side: 'left', amount: '-5' },
          ],
        },
        'accounting',
      );
      expect(!bad.ok && bad.problems?.map((p) => p.path)).toEqual([
        'memo',
        'lines[0].amount',
        'lines[1].account',
        'lines[1].side',
        'lines[1].amount',
      ]);
      // A handler's InputError (an unknown member on line 1) rolls back what the handler had begun.
      expect(
        await t.office.call(
          'ledger.postAdjustment',
          {
            memo: 'x',
            lines: [
              { account: 'bank', side: 'debit', amount: '10' },
              { account: 'receivables', side: 'credit', amount: '10', memberNumber: 'M-000404' },
            ],
          },
          'accounting',
        ),
      ).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'lines[1].memberNumber', message: 'no member M-000404' }],
      });
      expect(await counts()).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('Accounting (property): any sequence of valid adjustments keeps all ledger lines summing to zero; an unbalanced one changes nothing', async () => {
    const t = await testOffice();
    const accounts = [
      'bank',
      'receivables',
      'fees',
      'prepaid_liability',
      'tax_payable',
      'revenue',
      'forfeited_balances',
    ] as const;
    const amount = fc.bigInt({ min: 1n, max: 10n ** 12n });
    // A balanced posting: debits of the given amounts, credits splitting the same total in two.
    const balanced = fc
      .record({
        debits: fc.array(fc.tuple(fc.constantFrom(...accounts), amount), { minLength: 1, maxLength: 4 }),
        credit: fc.constantFrom(...accounts),
        credit2: fc.constantFrom(...accounts),
        split: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ debits, credit, credit2, split }) => {
        const total = debits.reduce((s, [, a]) => s + a, 0n);
        const first = total === 1n ? 1n : 1n + (BigInt(Math.floor(split * 1000)) * (total - 1n)) / 1000n;
        const lines = debits.map(([account, a]) => ({ account, side: 'debit', amount: a.toString() }));
        lines.push({ account: credit, side: 'credit', amount: first.toString() });
        if (total - first > 0n) lines.push({ account: credit2, side: 'credit', amount: (total - first).toString() });
        return lines;
      });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(balanced, { minLength: 1, maxLength: 5 }),
          fc.bigInt({ min: 1n, max: 1000n }),
          async (postings, skew) => {
            for (const lines of postings) await t.ok('ledger.postAdjustment', { memo: 'p', lines }, 'accounting');
            expect(await sumOfAllLines(t)).toBe(0);
            const before = await t.count('ledger_entries');
            const unbalanced = postings[0]!.map((l, i) =>
              i === 0 ? { ...l, amount: (BigInt(l.amount) + skew).toString() } : l,
            );
            const refused = await t.office.call(
              'ledger.postAdjustment',
              { memo: 'u', lines: unbalanced },
              'accounting',
            );
            expect(refused).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'lines' }] });
            expect(await t.count('ledger_entries')).toBe(before);
            const tb = await t.ok<TB>('ledger.trialBalance', {}, 'accounting');
            expect(tb.balanced).toBe(true);
            expect(tb.totalDebit).toBe(tb.totalCredit);
          },
        ),
        { numRuns: 25 },
      );
      expect(await t.count('ledger_entries')).toBeGreaterThan(0);
      expect(await sumOfAllLines(t)).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('audit.list filters by operator, operation and time, newest first', async () => {
    const t = await testOffice('2026-11-10T00:00:00.000Z');
    try {
      t.clock.now = new Date('2026-11-11T00:00:00.000Z');
      await t.ok('members.create', { kind: 'individual', name: '甲', nameKana: 'ｺｳ', email: 'a@b.example' }, 'sales');
      t.clock.now = new Date('2026-11-12T00:00:00.000Z');
      await t.ok('members.create', { kind: 'individual', name: '乙', nameKana: 'ｵﾂ', email: 'c@d.example' }, 'sales');
      const list = (input: object) =>
        t.ok<{ items: { at: string; operation: string }[]; total: number }>('audit.list', input, 'supervisor');
      expect((await list({ operator: 'sales' })).items.map((i) => i.at)).toEqual([
        '2026-11-12T00:00:00.000Z',
        '2026-11-11T00:00:00.000Z',
      ]);
      expect(
        (
          await list({
            operation: 'members.create',
            from: '2026-11-12T00:00:00+09:00',
            to: '2026-11-12T12:00:00+09:00',
          })
        ).items.map((i) => i.at),
      ).toEqual(['2026-11-12T00:00:00.000Z']);
      expect((await list({ operation: 'members.create' })).total).toBe(2);
      expect(await t.office.call('audit.list', { from: '2026-11-12' }, 'supervisor')).toMatchObject({
        ok: false,
        problems: [{ path: 'from', message: 'not an ISO 8601 time with an offset' }],
      });
    } finally {
      await t.close();
    }
  });
});
