import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { confirmDeposit } from '../../core/prepaid/deposits';
import { draftEstimate, findApplication, issueEstimate } from '../../core/prepaid/estimates';
import { issueStatement } from '../../core/prepaid/statement';
import { dbFixture } from './db-fixture';
import { createMember } from '../../core/parties';

describe('a transfer fee accepted by the bank import', () => {
  it('R-PRE-2: ¥49,560 received with a ¥440 fee accepted pays a ¥50,000 statement: credit ¥50,000, fees / prepaid_liability ¥440', async () => {
    const f = await dbFixture();
    try {
      const now = new Date('2026-03-02T01:00:00.000Z');
      const member = await createMember(
        f.db,
        { kind: 'corporation', name: '株式会社山田商事', nameKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', email: 'keiri@yamada.example' },
        now.toISOString(),
      );
      const est = await draftEstimate(
        f.db,
        member,
        { amount: '50000', subject: 'プリペイド', validDays: 30, notes: [] },
        now,
        'test',
      );
      await issueEstimate(f.db, await findApplication(f.db, est), member, now, 'test');
      const statementNumber = await issueStatement(f.db, await findApplication(f.db, est), member, now, 'test');
      const r = await confirmDeposit(
        f.db,
        { statementNumber, amount: '49560', valueDate: '2026-03-02', bankReference: 'FEE-1' },
        { now, by: 'test' },
        new Dec(440),
      );
      expect(r).toMatchObject({ outcome: 'confirmed', amount: '49560', expected: '50000' });
      expect((await findApplication(f.db, est)).credit_amount).toBe(50_000);
      const sums = await f.db
        .selectFrom('ledger_entries')
        .select([
          'account',
          (eb) => eb.fn.sum<number>('debit').as('debit'),
          (eb) => eb.fn.sum<number>('credit').as('credit'),
        ])
        .groupBy('account')
        .orderBy('account')
        .execute();
      expect(sums).toEqual([
        { account: 'bank', debit: 49_560, credit: 0 },
        { account: 'fees', debit: 440, credit: 0 },
        { account: 'prepaid_liability', debit: 0, credit: 50_000 },
      ]);
    } finally {
      await f.close();
    }
  });
});
