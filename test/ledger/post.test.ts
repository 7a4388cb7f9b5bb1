import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../core/errors';
import { postTransaction, type PostingLine } from '../../core/ledger/post';
import { accountStatement, trialBalance } from '../../core/ledger/reports';
import { Dec } from '../../core/money';
import { tempLedger } from './helpers';

const line = (account: string, side: 'debit' | 'credit', amount: string): PostingLine => ({
  account,
  side,
  amount: new Dec(amount),
});
const posting = (lines: PostingLine[], postedAt = '2026-10-05T01:00:00.000Z') => ({
  kind: 'test',
  memo: 'test',
  postedAt,
  postedBy: null,
  lines,
});

describe('ledger postings', () => {
  it('Accounting: an invoice of 10,000 + 1,000 tax and its payment leave receivables at 0 and the trial balance balanced', async () => {
    const l = await tempLedger();
    try {
      await postTransaction(
        l.db,
        posting([
          line('receivables', 'debit', '11000'),
          line('revenue', 'credit', '10000'),
          line('tax_payable', 'credit', '1000'),
        ]),
      );
      await postTransaction(l.db, posting([line('bank', 'debit', '11000'), line('receivables', 'credit', '11000')]));
      const tb = await trialBalance(l.db);
      const byName = Object.fromEntries(tb.accounts.map((a) => [a.account, [a.debit, a.credit, a.balance]]));
      expect(byName).toEqual({
        bank: ['11000', '0', '11000'],
        receivables: ['11000', '11000', '0'],
        fees: ['0', '0', '0'],
        prepaid_liability: ['0', '0', '0'],
        tax_payable: ['0', '1000', '1000'],
        revenue: ['0', '10000', '10000'],
        forfeited_balances: ['0', '0', '0'],
        suspense: ['0', '0', '0'],
        customer_credit: ['0', '0', '0'],
        refunds_payable: ['0', '0', '0'],
      });
      expect([tb.totalDebit, tb.totalCredit, tb.balanced]).toEqual(['22000', '22000', true]);
    } finally {
      await l.dispose();
    }
  });

  it('Accounting: an unbalanced posting is refused naming `lines`, before anything is inserted', async () => {
    const l = await tempLedger();
    try {
      const attempt = postTransaction(
        l.db,
        posting([line('bank', 'debit', '30000'), line('prepaid_liability', 'credit', '29999')]),
      );
      await expect(attempt).rejects.toThrow(InputError);
      await expect(attempt).rejects.toMatchObject({
        problems: [{ path: 'lines', message: 'unbalanced: debits 30000 yen, credits 29999 yen' }],
      });
      await expect(
        postTransaction(l.db, posting([line('bank', 'debit', '0.5'), line('cash', 'credit', '0.5')])),
      ).rejects.toMatchObject({
        problems: [
          { path: 'lines[0].amount', message: 'must be a positive whole number of yen' },
          { path: 'lines[1].account', message: 'no ledger account "cash"' },
          { path: 'lines[1].amount', message: 'must be a positive whole number of yen' },
        ],
      });
      await expect(postTransaction(l.db, posting([line('bank', 'debit', '1')]))).rejects.toMatchObject({
        problems: [{ path: 'lines' }],
      });
      expect(
        await l.db
          .selectFrom('ledger_transactions')
          .select((eb) => eb.fn.countAll().as('n'))
          .execute(),
      ).toEqual([{ n: 0 }]);
    } finally {
      await l.dispose();
    }
  });

  it('Accounting: posted lines, journal rows and audit rows can be neither updated nor deleted', async () => {
    const l = await tempLedger();
    try {
      await postTransaction(
        l.db,
        posting([line('bank', 'debit', '10000'), line('prepaid_liability', 'credit', '10000')]),
      );
      const run = (query: string) => sql.raw(query).execute(l.db);
      await run(
        "insert into audit_log (at, channel, operation, input_digest, outcome) values ('t', 'test', 'x', 'd', 'ok')",
      );
      await expect(run('update ledger_entries set debit = 1')).rejects.toThrow(/append-only/);
      await expect(run('delete from ledger_entries')).rejects.toThrow(/append-only/);
      await expect(run("update ledger_transactions set memo = 'x'")).rejects.toThrow(/append-only/);
      await expect(run('delete from ledger_transactions')).rejects.toThrow(/append-only/);
      await expect(run("update audit_log set outcome = 'forbidden'")).rejects.toThrow(/append-only/);
      await expect(run('delete from audit_log')).rejects.toThrow(/append-only/);
      if (l.engine === 'postgres') await expect(run('truncate ledger_entries')).rejects.toThrow(/append-only/);
    } finally {
      await l.dispose();
    }
  });

  it('an account statement gives the opening balance, each line in the period with its running balance, and the closing balance', async () => {
    const l = await tempLedger();
    try {
      await postTransaction(
        l.db,
        posting(
          [line('bank', 'debit', '50000'), line('prepaid_liability', 'credit', '50000')],
          '2026-09-30T14:59:59.000Z',
        ),
      );
      await postTransaction(
        l.db,
        posting(
          [
            line('prepaid_liability', 'debit', '11000'),
            line('revenue', 'credit', '10000'),
            line('tax_payable', 'credit', '1000'),
          ],
          '2026-10-31T00:00:00.000Z',
        ),
      );
      await postTransaction(
        l.db,
        posting(
          [line('bank', 'debit', '30000'), line('prepaid_liability', 'credit', '30000')],
          '2026-10-31T15:00:00.000Z',
        ),
      );
      // October in JST: [2026-09-30T15:00Z, 2026-10-31T15:00Z)
      const s = await accountStatement(
        l.db,
        'prepaid_liability',
        '2026-09-30T15:00:00.000Z',
        '2026-10-31T15:00:00.000Z',
      );
      expect([s.normal, s.opening, s.closing]).toEqual(['credit', '50000', '39000']);
      expect(s.lines.map((x) => [x.debit, x.credit, x.balance])).toEqual([['11000', '0', '39000']]);
      const bank = await accountStatement(l.db, 'bank', '2026-09-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
      expect([bank.opening, bank.lines.map((x) => x.balance), bank.closing]).toEqual([
        '0',
        ['50000', '80000'],
        '80000',
      ]);
    } finally {
      await l.dispose();
    }
  });
});
