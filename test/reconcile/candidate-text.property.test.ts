import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../core/banking';
import { Dec } from '../../core/money';
import { candidatesText, readCandidates } from '../../core/reconcile/candidate-text';
import type { CandidateJson } from '../../core/reconcile/summary';

/** Candidates as the import stored them before D-RECON-9, one object each, as the operations still give them. */
function candidatesToJson(candidates: readonly Candidate[]): CandidateJson[] {
  return candidates.map((c) => ({
    statementNumber: c.itemId,
    kind: c.kind,
    amountDue: c.amountDue.toFixed(),
    difference: c.difference.toFixed(),
    nameMatches: c.nameMatches,
    referenceMatches: c.referenceMatches,
    taken: c.taken,
  }));
}

describe('candidates as stored (D-RECON-9)', () => {
  it('D-RECON-9: read back against the deposit they were found for, stored candidates are what the matcher gave, amount due included (property)', () => {
    const candidate = fc.record({
      itemId: fc.oneof(fc.constantFrom('BIL-2026-000001', 'BIL-2026-000002'), fc.string()),
      kind: fc.constantFrom('prepaid_statement' as const, 'monthly_bill' as const),
      due: fc.bigInt({ min: 1n, max: 10n ** 12n }),
      nameMatches: fc.boolean(),
      referenceMatches: fc.boolean(),
      taken: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(candidate, { maxLength: 12 }), (amount, list) => {
        const deposit = new Dec(amount.toString());
        const candidates: Candidate[] = list.map(({ due, ...c }) => ({
          ...c,
          amountDue: new Dec(due.toString()),
          difference: new Dec((amount - due).toString()),
        }));
        const text = candidatesText(candidates);
        expect(readCandidates(JSON.parse(text) as unknown[], deposit)).toEqual(candidatesToJson(candidates));
      }),
    );
  });

  it('D-RECON-9: one candidate is [statement number, difference, flags] (1 name, 2 reference, 4 taken, 8 prepaid); objects stored before read as they are', () => {
    const candidates: Candidate[] = [
      {
        itemId: 'BIL-2026-000007',
        kind: 'prepaid_statement',
        amountDue: new Dec(33000),
        difference: new Dec(-440),
        nameMatches: true,
        referenceMatches: false,
        taken: true,
      },
    ];
    expect(candidatesText(candidates)).toBe('[["BIL-2026-000007","-440",13]]');
    expect(candidatesText([])).toBe('[]');
    const before = candidatesToJson(candidates);
    expect(readCandidates(before, new Dec(32560))).toEqual(before);
    expect(readCandidates([['BIL-2026-000007', '-440', 13]], new Dec(32560))).toEqual([
      {
        statementNumber: 'BIL-2026-000007',
        kind: 'prepaid_statement',
        amountDue: '33000',
        difference: '-440',
        nameMatches: true,
        referenceMatches: false,
        taken: true,
      },
    ]);
  });
});
