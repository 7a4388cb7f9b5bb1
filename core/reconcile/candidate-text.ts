import type { Candidate, RankedCandidates } from '../banking';
import { Dec } from '../money';
import type { CandidateJson } from './summary';

/**
 * How candidates are stored (D-RECON-9): one array per candidate, [statement number, difference, flags], the
 * difference (deposit − amount due) as a decimal string, the flags as bits. The amount due is the deposit's
 * amount less the difference, so it is not stored again. Candidates stored before as objects are read as they are.
 */
const NAME = 1;
const REFERENCE = 2;
const TAKEN = 4;
const PREPAID = 8;

type StoredCandidate = [statementNumber: string, difference: string, flags: number];

/** The matcher's candidates as stored text (D-RECON-9), one flat string: an import holds ~85,000 until it stores them. */
export function candidatesText(candidates: readonly Candidate[]): string {
  if (candidates.length === 0) return '[]';
  const parts: string[] = new Array<string>(candidates.length);
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i]!;
    const flags =
      (c.nameMatches ? NAME : 0) |
      (c.referenceMatches ? REFERENCE : 0) |
      (c.taken ? TAKEN : 0) |
      (c.kind === 'prepaid_statement' ? PREPAID : 0);
    parts[i] = `[${JSON.stringify(c.itemId)},"${c.difference.toFixed()}",${flags}]`;
  }
  return `[${parts.join(',')}]`;
}

/**
 * The same text straight from the matcher's ranking (no Candidate objects, no decimal.js): a difference is
 * whole yen, so its bigint digits are its decimal string.
 */
export function rankedCandidatesText(ranked: RankedCandidates): string {
  if (ranked.length === 0) return '[]';
  // Joined, not appended: one flat string, not a tree of ~20 strings that each GC copies while its part waits to be sent.
  const parts = new Array<string>(ranked.length);
  let i = 0;
  ranked.forEach((itemId, kind, difference, nameMatches, referenceMatches, taken) => {
    const flags =
      (nameMatches ? NAME : 0) |
      (referenceMatches ? REFERENCE : 0) |
      (taken ? TAKEN : 0) |
      (kind === 'prepaid_statement' ? PREPAID : 0);
    parts[i++] = `[${JSON.stringify(itemId)},"${difference}",${flags}]`;
  });
  return `[${parts.join(',')}]`;
}

/** Stored candidates (parsed JSON) of a deposit of `amount` as the operations give them. */
export function readCandidates(stored: readonly unknown[], deposit: Dec): CandidateJson[] {
  return stored.map((c) => {
    if (!Array.isArray(c)) return c as CandidateJson;
    const [statementNumber, difference, flags] = c as StoredCandidate;
    return {
      statementNumber,
      kind: flags & PREPAID ? 'prepaid_statement' : 'monthly_bill',
      amountDue: deposit.minus(difference).toFixed(),
      difference,
      nameMatches: (flags & NAME) !== 0,
      referenceMatches: (flags & REFERENCE) !== 0,
      taken: (flags & TAKEN) !== 0,
    };
  });
}
