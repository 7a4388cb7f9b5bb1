import { describe, expect, it } from 'vitest';
import { prepaidOffice } from './office';

describe('a held deposit says why, for the screen to word it (issue 14)', () => {
  it('R-PRE-2: paying a statement twice with the same amount is held as a second payment, not as "amount differs"', async () => {
    const t = await prepaidOffice('2026-11-20T01:00:00.000Z');
    try {
      const statementNumber = await t.billed('50000');
      // Typed as people type: a lower-case number and "50,000".
      const first = { statementNumber: statementNumber.toLowerCase(), amount: '50,000', valueDate: '2026-11-20' };
      expect(await t.ok('deposits.confirm', { ...first, bankReference: 'ZB-1120-001' }, 'accounting')).toMatchObject({
        outcome: 'confirmed',
        heldBecause: null,
        statementNumber,
        amount: '50000',
      });
      expect(
        await t.ok('deposits.confirm', { ...first, amount: '５００００', bankReference: 'ZB-1120-002' }, 'accounting'),
      ).toMatchObject({
        outcome: 'held',
        heldBecause: 'not_awaiting_payment',
        statementStatus: 'paid',
        amount: '50000',
        expected: '50000',
      });
    } finally {
      await t.close();
    }
  });

  it('R-PRE-2: ¥30,000 for a ¥50,000 statement is held as short, ¥60,000 as excess', async () => {
    const t = await prepaidOffice('2026-11-20T01:00:00.000Z');
    try {
      const short = await t.billed('50000');
      expect(
        await t.ok(
          'deposits.confirm',
          { statementNumber: short, amount: '30000', valueDate: '2026-11-20', bankReference: 'ZB-S' },
          'accounting',
        ),
      ).toMatchObject({ outcome: 'held', heldBecause: 'short', statementStatus: 'billed' });
      const excess = await t.billed('50000');
      expect(
        await t.ok(
          'deposits.confirm',
          { statementNumber: excess, amount: '60000', valueDate: '2026-11-20', bankReference: 'ZB-E' },
          'accounting',
        ),
      ).toMatchObject({ outcome: 'held', heldBecause: 'excess' });
    } finally {
      await t.close();
    }
  });
});
