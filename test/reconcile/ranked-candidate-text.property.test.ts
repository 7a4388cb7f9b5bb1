import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DepositMatcher } from '../../core/banking';
import { candidatesText, rankedCandidatesText } from '../../core/reconcile/candidate-text';
import { openItemRows, openItemsOf, PAYER_NAMES, transferOf, transferRows } from '../banking/match-arbitraries';

describe('candidate text written from the ranking (D-RECON-9)', () => {
  it('D-RECON-9: rank() decides every deposit as match() does, and its candidates give the same stored text, taken marks included (property)', () => {
    const deposits = transferRows([0, 0, 440, 880, 881, -1], [...PAYER_NAMES, 'ﾜﾀﾅﾍﾞ']);
    fc.assert(
      fc.property(openItemRows, deposits, (rows, list) => {
        const open = openItemsOf(rows);
        const matcher = new DepositMatcher(open);
        const ranker = new DepositMatcher(open);
        for (const d of list) {
          const deposit = transferOf(d, rows);
          const { candidates, ...decision } = matcher.match(deposit);
          const ranked = ranker.rank(deposit);
          const { candidates: kept, ...rankedDecision } = ranked;
          expect({ ...rankedDecision, fee: 'fee' in ranked ? ranked.fee.toFixed() : undefined }).toEqual({
            ...decision,
            fee: 'fee' in decision ? decision.fee.toFixed() : undefined,
          });
          expect(rankedCandidatesText(kept)).toBe(candidatesText(candidates));
          expect(kept.toCandidates()).toEqual(candidates);
        }
      }),
      { numRuns: 300 },
    );
  });
});
