import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DepositMatcher, type MatchOutcome, type OpenItem } from '../../core/banking';
import { Dec } from '../../core/money';
import { DecimalMatcher } from './decimal-matcher';

const NAMES = ['ﾀﾅｶ', 'ｶ)ﾀﾅｶ', 'ｻﾄｳ', 'ｽｽﾞｷ', 'ﾔﾏﾀﾞ(ｶ', ''];

/** An outcome with its money as text, to compare two matchers' decisions value by value. */
function plain(o: MatchOutcome): unknown {
  return {
    ...o,
    ...('fee' in o ? { fee: o.fee.toFixed() } : {}),
    candidates: o.candidates.map((c) => ({
      ...c,
      amountDue: c.amountDue.toFixed(),
      difference: c.difference.toFixed(),
    })),
  };
}

describe('the matcher compares whole yen as bigint (D-RECON-7)', () => {
  it('D-RECON-7: every deposit of a file is decided as the decimal.js matcher decided it: status, reason, fee, candidates in order (property)', () => {
    const items = fc.array(
      fc.record({
        due: fc.integer({ min: 1, max: 3_000 }),
        name: fc.constantFrom(...NAMES),
        statement: fc.integer({ min: 1, max: 40 }),
        prepaid: fc.boolean(),
      }),
      { minLength: 0, maxLength: 40 },
    );
    const deposits = fc.array(
      fc.record({
        // Most pay an item's amount, less a fee at and around the tolerance's edge; some any amount.
        of: fc.nat(),
        less: fc.constantFrom(0, 0, 1, 440, 880, 881, 1_500, -1, -440),
        any: fc.option(fc.integer({ min: 0, max: 3_500 }), { freq: 4, nil: undefined }),
        payer: fc.constantFrom(...NAMES, 'ﾜﾀﾅﾍﾞ', '0012 ﾀﾅｶ'),
        edi: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        cancelled: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    );
    const tolerance = fc.constantFrom('880', '880', '0', '440.5', '1500', '-3');
    fc.assert(
      fc.property(items, deposits, tolerance, (rows, list, fee) => {
        const open: OpenItem[] = rows.map((r, i) => ({
          // Statement numbers repeat now and then: an item of a taken id is taken too.
          id: `BIL-2026-${String(r.statement).padStart(6, '0')}${i % 7 === 0 ? '' : `-${i}`}`,
          kind: r.prepaid ? 'prepaid_statement' : 'monthly_bill',
          amountDue: new Dec(r.due),
          payerKana: r.name,
          references: [`BIL-2026-${String(r.statement).padStart(6, '0')}`, String(r.statement).padStart(6, '0')],
        }));
        const options = { feeTolerance: new Dec(fee) };
        const decimal = new DecimalMatcher(open, options);
        const bigint = new DepositMatcher(open, options);
        for (const d of list) {
          const deposit = {
            amount: String(d.any ?? (rows.length === 0 ? 1_000 : rows[d.of % rows.length]!.due - d.less)),
            payer: d.payer,
            edi: d.edi === undefined ? '' : `BIL-2026-${String(d.edi).padStart(6, '0')}`,
            cancelled: d.cancelled,
          };
          expect(plain(bigint.match(deposit))).toEqual(plain(decimal.match(deposit)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('D-RECON-7: an amount due of a fraction of a yen is refused, not rounded', () => {
    const open: OpenItem[] = [{ id: 'BIL-1', kind: 'monthly_bill', amountDue: new Dec('100.5'), payerKana: 'ﾀﾅｶ' }];
    expect(() => new DepositMatcher(open)).toThrow('the matcher takes whole yen: 100.5');
  });
});
