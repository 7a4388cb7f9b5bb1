import { Dec } from '../money';
import type { BankDeposit } from './deposit';
import { DepositMatcher, type MatchOptions, type MatchOutcome, type OpenItem } from './match';

export type MatchStatus = MatchOutcome['status'];

export interface ImportSummaryLine {
  count: number;
  amount: Dec;
}

/** Per import: how many deposits (and how much money) were matched automatically, await review, are unknown or cancelled. */
export interface ImportSummary {
  matched: ImportSummaryLine;
  review: ImportSummaryLine;
  unknown: ImportSummaryLine;
  cancelled: ImportSummaryLine;
  /** Bank fees taken off matched deposits. */
  fees: Dec;
}

export interface MatchReport {
  results: { deposit: BankDeposit; outcome: MatchOutcome }[];
  summary: ImportSummary;
}

/** Matches a file's deposits in file order (an item matched by one deposit is not matched again by a later one). */
export function matchDeposits(
  deposits: readonly BankDeposit[],
  items: readonly OpenItem[],
  options: MatchOptions = {},
): MatchReport {
  const matcher = new DepositMatcher(items, options);
  const zero = new Dec(0);
  const summary: ImportSummary = {
    matched: { count: 0, amount: zero },
    review: { count: 0, amount: zero },
    unknown: { count: 0, amount: zero },
    cancelled: { count: 0, amount: zero },
    fees: zero,
  };
  const results = deposits.map((deposit) => {
    const outcome = matcher.match(deposit);
    const line = summary[outcome.status];
    line.count++;
    line.amount = line.amount.plus(deposit.amount);
    if (outcome.status === 'matched') summary.fees = summary.fees.plus(outcome.fee);
    return { deposit, outcome };
  });
  return { results, summary };
}

/** The report with money as decimal strings, for JSON (CLI output, the operation catalog). */
export function matchReportToJson(report: MatchReport): unknown {
  const line = (l: ImportSummaryLine) => ({ count: l.count, amount: l.amount.toFixed() });
  return {
    results: report.results.map(({ deposit, outcome }) => ({
      reference: deposit.reference,
      status: outcome.status,
      ...(outcome.status === 'matched'
        ? { itemId: outcome.itemId, basis: outcome.basis, fee: outcome.fee.toFixed() }
        : {}),
      ...(outcome.status === 'review' ? { reason: outcome.reason } : {}),
      candidates: outcome.candidates.map((c) => ({
        ...c,
        amountDue: c.amountDue.toFixed(),
        difference: c.difference.toFixed(),
      })),
    })),
    summary: {
      matched: line(report.summary.matched),
      review: line(report.summary.review),
      unknown: line(report.summary.unknown),
      cancelled: line(report.summary.cancelled),
      fees: report.summary.fees.toFixed(),
    },
  };
}
