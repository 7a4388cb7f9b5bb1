import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DepositMatcher, type OpenItem } from '../../core/banking';
import { Dec } from '../../core/money';
import { candidatesText, rankedCandidatesText } from '../../core/reconcile/candidate-text';

const NAMES = ['ﾀﾅｶ', 'ｶ)ﾀﾅｶ', 'ｻﾄｳ', 'ｽｽﾞｷ', 'ﾔﾏﾀﾞ(ｶ', ''];

describe('candidate text written from the ranking (D-RECON-9)', () => {
  it('D-RECON-9: rank() decides every deposit as match() does, and its candidates give the same stored text, taken marks included (property)', () => {
    const items = fc.array(
      fc.record({
        due: fc.integer({ min: 1, max: 3_000 }),
        name: fc.constantFrom(...NAMES),
        statement: fc.integer({ min: 1, max: 40 }),
        prepaid: fc.boolean(),
      }),
      { maxLength: 40 },
    );
    const deposits = fc.array(
      fc.record({
        of: fc.nat(),
        less: fc.constantFrom(0, 0, 440, 880, 881, -1),
        any: fc.option(fc.integer({ min: 0, max: 3_500 }), { freq: 4, nil: undefined }),
        payer: fc.constantFrom(...NAMES, 'ﾜﾀﾅﾍﾞ'),
        edi: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        cancelled: fc.boolean(),
      }),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(items, deposits, (rows, list) => {
        const open: OpenItem[] = rows.map((r, i) => ({
          id: `BIL-2026-${String(r.statement).padStart(6, '0')}${i % 7 === 0 ? '' : `-${i}`}`,
          kind: r.prepaid ? 'prepaid_statement' : 'monthly_bill',
          amountDue: new Dec(r.due),
          payerKana: r.name,
          references: [`BIL-2026-${String(r.statement).padStart(6, '0')}`],
        }));
        const matcher = new DepositMatcher(open);
        const ranker = new DepositMatcher(open);
        for (const d of list) {
          const deposit = {
            amount: String(d.any ?? (rows.length === 0 ? 1_000 : rows[d.of % rows.length]!.due - d.less)),
            payer: d.payer,
            edi: d.edi === undefined ? '' : `BIL-2026-${String(d.edi).padStart(6, '0')}`,
            cancelled: d.cancelled,
          };
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
