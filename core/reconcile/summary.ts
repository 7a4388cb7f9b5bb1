import type { Candidate } from '../banking';
import type { BankImportOutcome } from '../ledger/schema';
import { Dec } from '../money';

/** Per import: how many records (and how much money) ended in each outcome, and the fees booked. */
export type ImportSummary = Record<BankImportOutcome, { count: number; amount: string }> & { fees: string };

export const OUTCOMES: BankImportOutcome[] = ['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'];

export function summarize(
  lines: readonly { outcome: BankImportOutcome; amount: Dec | string | number; fee: Dec | string | number }[],
): ImportSummary {
  const totals = new Map(OUTCOMES.map((o) => [o, { count: 0, amount: new Dec(0) }]));
  let fees = new Dec(0);
  for (const line of lines) {
    const t = totals.get(line.outcome)!;
    t.count++;
    t.amount = t.amount.plus(String(line.amount));
    fees = fees.plus(String(line.fee));
  }
  const out = { fees: fees.toFixed() } as ImportSummary;
  for (const [o, t] of totals) out[o] = { count: t.count, amount: t.amount.toFixed() };
  return out;
}

export interface CandidateJson {
  statementNumber: string;
  kind: Candidate['kind'];
  amountDue: string;
  difference: string;
  nameMatches: boolean;
  referenceMatches: boolean;
  taken: boolean;
}

/** An open item's amount due as text, per Dec: an import lists the same few thousand items tens of thousands of times. */
const dueText = new WeakMap<Dec, string>();

function textOf(amount: Dec): string {
  let text = dueText.get(amount);
  if (text === undefined) dueText.set(amount, (text = amount.toFixed()));
  return text;
}

export function candidatesToJson(candidates: readonly Candidate[]): CandidateJson[] {
  return candidates.map((c) => ({
    statementNumber: c.itemId,
    kind: c.kind,
    amountDue: textOf(c.amountDue),
    difference: c.difference.toFixed(),
    nameMatches: c.nameMatches,
    referenceMatches: c.referenceMatches,
    taken: c.taken,
  }));
}
