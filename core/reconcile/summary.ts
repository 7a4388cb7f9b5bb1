import type { Candidate } from '../banking';
import type { BankImportOutcome } from '../ledger/schema';
import { Dec } from '../money';

/** Per import: how many records (and how much money) ended in each outcome, and the fees booked. */
export type ImportSummary = Record<BankImportOutcome, { count: number; amount: string }> & { fees: string };

export const OUTCOMES: BankImportOutcome[] = ['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'];

/** Whole yen as bigint, exactly (the ledger and the bank files hold whole yen; a fraction is an error). */
function wholeYen(value: Dec | string | number): bigint {
  if (typeof value === 'number') return BigInt(value);
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value)) return BigInt(value);
  const d = new Dec(value);
  if (!d.isInteger()) throw new Error(`not whole yen: ${d.toFixed()}`);
  return BigInt(d.toFixed());
}

/** Counts lines into a summary one at a time, in whole yen, so an import need not keep every line to sum them. */
export class SummaryTally {
  private readonly totals = new Map(OUTCOMES.map((o) => [o, { count: 0, amount: 0n }]));
  private fees = 0n;

  add(outcome: BankImportOutcome, amount: Dec | string | number, fee: Dec | string | number): void {
    const t = this.totals.get(outcome)!;
    t.count++;
    t.amount += wholeYen(amount);
    this.fees += wholeYen(fee);
  }

  summary(): ImportSummary {
    const out = { fees: this.fees.toString() } as ImportSummary;
    for (const [o, t] of this.totals) out[o] = { count: t.count, amount: t.amount.toString() };
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
