import type { Candidate } from '../banking';
import type { BankImportOutcome } from '../ledger/schema';
import { Dec } from '../money';

/** Per import: how many records (and how much money) ended in each outcome, and the fees booked. */
export type ImportSummary = Record<BankImportOutcome, { count: number; amount: string }> & { fees: string };

export const OUTCOMES: BankImportOutcome[] = ['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'];

/** Counts lines into a summary one at a time, so an import need not keep every line to sum them. */
export class SummaryTally {
  private readonly totals = new Map(OUTCOMES.map((o) => [o, { count: 0, amount: new Dec(0) }]));
  private fees = new Dec(0);

  add(outcome: BankImportOutcome, amount: Dec | string | number, fee: Dec | string | number): void {
    const t = this.totals.get(outcome)!;
    t.count++;
    t.amount = t.amount.plus(String(amount));
    this.fees = this.fees.plus(String(fee));
  }

  summary(): ImportSummary {
    const out = { fees: this.fees.toFixed() } as ImportSummary;
    for (const [o, t] of this.totals) out[o] = { count: t.count, amount: t.amount.toFixed() };
    return out;
  }
}

export function summarize(
  lines: readonly { outcome: BankImportOutcome; amount: Dec | string | number; fee: Dec | string | number }[],
): ImportSummary {
  const tally = new SummaryTally();
  for (const line of lines) tally.add(line.outcome, line.amount, line.fee);
  return tally.summary();
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
