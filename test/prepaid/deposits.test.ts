import { describe, expect, it } from 'vitest';
import { ledgerBalance, prepaidOffice } from './office';

describe('deposits for prepaid statements', () => {
  it('R-PRE-3: a deposit confirmed on Fri 24 April 2026 makes the ID due on Thu 7 May (5 bank business days, Golden Week skipped); late from 8 May', async () => {
    const t = await prepaidOffice('2026-04-20T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('50000');
      t.at('2026-04-24T02:00:00.000Z'); // Fri 24 April, 11:00 JST
      const confirmed = await t.ok(
        'deposits.confirm',
        { statementNumber, amount: '50000', valueDate: '2026-04-24', bankReference: 'ZB-0424-001' },
        'accounting',
      );
      // 27 (1), 28 (2), 29 Showa Day, 30 (3), 1 May (4), 2–6 weekend and holidays, 7 May (5).
      expect(confirmed).toMatchObject({
        outcome: 'confirmed',
        issueDueDate: '2026-05-07',
        amount: '50000',
        expected: '50000',
      });
      expect(await t.ok('prepaid.lateIssuances', { date: '2026-05-07' }, 'sales')).toEqual([]);
      expect(await t.ok('prepaid.lateIssuances', { date: '2026-05-08' }, 'sales')).toEqual([
        {
          statementNumber,
          memberNumber: 'M-000001',
          amount: '50000',
          paidAt: '2026-04-24T02:00:00.000Z',
          issueDueDate: '2026-05-07',
          daysLate: 1,
        },
      ]);
      t.at('2026-05-08T01:00:00.000Z');
      expect(await t.ok('prepaid.issueId', { statementNumber }, 'accounting')).toMatchObject({
        outcome: 'issued',
        late: true,
        issueDueDate: '2026-05-07',
      });
      expect(await t.ok('prepaid.lateIssuances', { date: '2026-05-08' }, 'sales')).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('the same bank reference twice is one deposit: the second call changes nothing and says so', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('30000');
      const input = { statementNumber, amount: '30000', valueDate: '2026-03-04', bankReference: 'ZB-0304-007' };
      expect(await t.ok('deposits.confirm', input, 'accounting')).toMatchObject({
        outcome: 'confirmed',
        status: 'confirmed',
      });
      const counts = async () => [
        await t.count('deposits'),
        await t.count('ledger_transactions'),
        await t.count('payments'),
        await ledgerBalance(t, 'bank', 'debit'),
      ];
      const before = await counts();
      expect(before).toEqual([1, 1, 1, 30_000]);
      const again = await t.ok<{ outcome: string; message: string }>('deposits.confirm', input, 'accounting');
      expect(again).toMatchObject({ outcome: 'unchanged', status: 'confirmed' });
      expect(again.message).toContain('nothing changed');
      expect(await counts()).toEqual(before);
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(30_000);
      // The same reference with another amount is a mistake, named.
      expect(await t.office.call('deposits.confirm', { ...input, amount: '31000' }, 'accounting')).toMatchObject({
        ok: false,
        problems: [{ path: 'bankReference' }],
      });
      // Only accounting confirms deposits.
      expect(await t.office.call('deposits.confirm', input, 'sales')).toMatchObject({ ok: false, kind: 'forbidden' });
    } finally {
      await t.close();
    }
  });

  it('an imported deposit (by id) goes through the same confirmation', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('10000');
      const [{ id }] = (await t.rows<{ id: number }>(
        "insert into deposits (value_date, amount, payer_kana, bank_reference, source_digest, status, created_at) values ('2026-03-03', 10000, '2026000001 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', 'FILE-1', 'abc', 'matched', '2026-03-03T00:00:00.000Z') returning id",
      )) as [{ id: number }];
      expect(await t.ok('deposits.confirm', { statementNumber, depositId: Number(id) }, 'accounting')).toMatchObject({
        outcome: 'confirmed',
        depositId: Number(id),
        bankReference: 'FILE-1',
      });
      expect(await t.ok('deposits.confirm', { statementNumber, depositId: Number(id) }, 'accounting')).toMatchObject({
        outcome: 'unchanged',
      });
      expect(await t.count('ledger_transactions')).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('a short deposit is held, never accepted silently; refunding it posts prepaid_liability / bank', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('50000');
      // The member deducted the ¥440 transfer fee.
      const held = await t.ok(
        'deposits.confirm',
        { statementNumber, amount: '49560', valueDate: '2026-03-04', bankReference: 'ZB-SHORT' },
        'accounting',
      );
      expect(held).toMatchObject({
        outcome: 'held',
        status: 'held',
        message: 'held for a decision: short deposit: 49560 yen for a statement of 50000 yen',
      });
      expect(await t.ok('estimates.get', { estimateNumber: 'EST-2026-000001' }, 'sales')).toMatchObject({
        status: 'billed',
      });
      expect(await t.office.call('prepaid.issueId', { statementNumber }, 'accounting')).toMatchObject({
        ok: false,
        kind: 'invalid',
      });
      expect(await t.ok<unknown[]>('deposits.held', {}, 'accounting')).toHaveLength(1);
      // ¥49,560 is not a prepaid amount (R-PRE-1): it cannot be accepted as credit.
      expect(
        await t.office.call(
          'deposits.decide',
          { bankReference: 'ZB-SHORT', decision: 'accept', reason: 'fee deducted' },
          'accounting',
        ),
      ).toMatchObject({
        ok: false,
        problems: [{ path: 'decision' }],
      });
      expect(
        await t.ok(
          'deposits.decide',
          { bankReference: 'ZB-SHORT', decision: 'hold', reason: 'asked the member' },
          'accounting',
        ),
      ).toMatchObject({ status: 'held' });
      expect(
        await t.ok(
          'deposits.decide',
          { bankReference: 'ZB-SHORT', decision: 'refund', reason: 'member pays again in full' },
          'accounting',
        ),
      ).toMatchObject({ status: 'returned' });
      expect([await ledgerBalance(t, 'bank', 'debit'), await ledgerBalance(t, 'prepaid_liability', 'credit')]).toEqual([
        0, 0,
      ]);
      expect(await t.count('ledger_transactions')).toBe(2);
      expect(
        await t.office.call(
          'deposits.decide',
          { bankReference: 'ZB-SHORT', decision: 'refund', reason: 'again' },
          'accounting',
        ),
      ).toMatchObject({ ok: false });
    } finally {
      await t.close();
    }
  });

  it('an excess deposit is held; accepting it buys credit of the amount received', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('50000');
      expect(
        await t.ok(
          'deposits.confirm',
          { statementNumber, amount: '60000', valueDate: '2026-03-04', bankReference: 'ZB-EXCESS' },
          'accounting',
        ),
      ).toMatchObject({ outcome: 'held' });
      const accepted = await t.ok(
        'deposits.decide',
        { bankReference: 'ZB-EXCESS', decision: 'accept', reason: 'member asked for 60,000 of credit' },
        'accounting',
      );
      // Decided on Mon 2 March: 5 business days later is Mon 9 March.
      expect(accepted).toMatchObject({ outcome: 'confirmed', status: 'confirmed', issueDueDate: '2026-03-09' });
      expect(await t.ok('prepaid.issueId', { statementNumber }, 'accounting')).toMatchObject({ amount: '60000' });
      expect(await ledgerBalance(t, 'prepaid_liability', 'credit')).toBe(60_000);
    } finally {
      await t.close();
    }
  });
});
