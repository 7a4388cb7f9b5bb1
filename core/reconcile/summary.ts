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
