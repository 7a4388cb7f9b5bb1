import { DepositMatcher, type OpenItem } from '../banking';
import { Dec } from '../money';
import { rankedCandidatesText } from './candidate-text';

/**
 * What a bank import asks of the matcher, as plain data a worker thread can be sent: the new deposits to match
 * in file order (amount, payer, EDI text), the open items (amounts as whole-yen text) and the fee tolerance.
 */
export interface MatchJob {
  amounts: string[];
  payers: string[];
  edis: string[];
  items: { id: string; kind: OpenItem['kind']; amountDue: string; payerKana: string; references: string[] }[];
  feeTolerance: string;
}

/**
 * One deposit's decision as plain data: matched (basis, statement number, fee), review (reason) or unknown,
 * with its candidates as the import stores them (D-RECON-9).
 */
export type MatchedRecord =
  | [status: 'matched', basis: string, itemId: string, fee: string, candidates: string]
  | [status: 'review', reason: string, itemId: null, fee: '0', candidates: string]
  | [status: 'unknown', reason: 'unknown', itemId: null, fee: '0', candidates: '[]'];

/** Deposits decided per part handed over: the import writes each part's lines while the next is matched. */
export const MATCH_PART = 1_000;

export function matchJobItems(items: readonly OpenItem[]): MatchJob['items'] {
  return items.map((i) => ({
    id: i.id,
    kind: i.kind,
    amountDue: i.amountDue.toFixed(),
    payerKana: i.payerKana,
    references: i.references ?? [],
  }));
}

/** The job's deposits decided in order (an item matched by one is not matched again by a later one), a part at a time. */
export function* matchInParts(job: MatchJob): Generator<MatchedRecord[]> {
  const matcher = new DepositMatcher(
    job.items.map((i) => ({ ...i, amountDue: new Dec(i.amountDue) })),
    { feeTolerance: new Dec(job.feeTolerance) },
  );
  let part: MatchedRecord[] = [];
  for (let i = 0; i < job.amounts.length; i++) {
    const outcome = matcher.rank({
      amount: job.amounts[i]!,
      payer: job.payers[i]!,
      edi: job.edis[i]!,
      cancelled: false,
    });
    if (outcome.status === 'matched')
      part.push([
        'matched',
        outcome.basis,
        outcome.itemId,
        outcome.fee.toFixed(),
        rankedCandidatesText(outcome.candidates),
      ]);
    else if (outcome.status === 'review')
      part.push(['review', outcome.reason, null, '0', rankedCandidatesText(outcome.candidates)]);
    else part.push(['unknown', 'unknown', null, '0', '[]']);
    if (part.length === MATCH_PART) {
      yield part;
      part = [];
    }
  }
  if (part.length > 0) yield part;
}
