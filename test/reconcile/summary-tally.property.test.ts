import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { OUTCOMES, summarize } from '../../core/reconcile/summary';
import { yenTextToDb, yenToDb } from '../../core/ledger/yen';

describe('an import summary counted in whole yen', () => {
  it('R-BANK-8: counts and sums per outcome and the fees are those decimal.js adds up, whether amounts come as text, numbers or Dec (property)', () => {
    const yen = fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n });
    const line = fc.record({
      outcome: fc.constantFrom(...OUTCOMES),
      amount: yen,
      fee: yen,
      as: fc.constantFrom('text', 'number', 'dec'),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (list) => {
        const given = list.map(({ outcome, amount, fee, as }) => {
          const spell = (v: bigint) =>
            as === 'text' ? v.toString() : as === 'number' ? Number(v) : new Dec(v.toString());
          return { outcome, amount: spell(amount), fee: spell(fee) };
        });
        const expected: Record<string, unknown> = {
          fees: list.reduce((sum, l) => sum.plus(l.fee.toString()), new Dec(0)).toFixed(),
        };
        for (const o of OUTCOMES) {
          const mine = list.filter((l) => l.outcome === o);
          expected[o] = {
            count: mine.length,
            amount: mine.reduce((sum, l) => sum.plus(l.amount.toString()), new Dec(0)).toFixed(),
          };
        }
        expect(summarize(given)).toEqual(expected);
      }),
    );
  });

  it('R-BANK-8: an amount of a fraction of a yen is refused, not rounded', () => {
    expect(() => summarize([{ outcome: 'matched', amount: '100.5', fee: '0' }])).toThrow('not whole yen: 100.5');
  });

  it('R-RECON-1: a bank file amount written as digits is stored as yenToDb stores it; other spellings go through yenToDb', () => {
    for (const text of ['0', '12345', '-440', '007', '9007199254740991'])
      expect(yenTextToDb(text)).toBe(yenToDb(new Dec(text)));
    expect(yenTextToDb('1.0')).toBe(1);
    expect(() => yenTextToDb('9007199254740993')).toThrow('amount too large to store exactly');
    expect(() => yenTextToDb('1.5')).toThrow('not whole yen: 1.5');
  });
});
