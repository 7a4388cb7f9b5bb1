export type { BankDeposit, BankFileFormat, ParsedBankFile } from './deposit';
export { parseBankFile } from './parse-bank-file';
export { parseZengin } from './zengin';
export { parseCsvStatement } from './csv-statement';
export { DepositMatcher, DEFAULT_FEE_TOLERANCE, RankedCandidates } from './match';
export type {
  OpenItem,
  OpenItemKind,
  MatchOptions,
  MatchOutcome,
  RankedOutcome,
  Candidate,
  CandidateVisitor,
  DepositToMatch,
} from './match';
export { matchDeposits, matchReportToJson } from './match-report';
export type { ImportSummary, MatchReport } from './match-report';
