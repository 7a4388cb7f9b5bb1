import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DepositMatcher, type MatchOutcome, type OpenItem } from '../../core/banking';
import { Dec } from '../../core/money';
import { DecimalMatcher } from './decimal-matcher';
import { openItemRows, openItemsOf, PAYER_NAMES, transferOf, transferRows } from './match-arbitraries';

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
    // Most pay an item's amount, less a fee at and around the tolerance's edge; some any amount.
    const deposits = transferRows([0, 0, 1, 440, 880, 881, 1_500, -1, -440], [...PAYER_NAMES, 'ﾜﾀﾅﾍﾞ', '0012 ﾀﾅｶ']);
    const tolerance = fc.constantFrom('880', '880', '0', '440.5', '1500', '-3');
    fc.assert(
      fc.property(openItemRows, deposits, tolerance, (rows, list, fee) => {
        const open = openItemsOf(rows, true);
        const options = { feeTolerance: new Dec(fee) };
        const decimal = new DecimalMatcher(open, options);
        const bigint = new DepositMatcher(open, options);
        for (const d of list) {
          const deposit = transferOf(d, rows);
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
