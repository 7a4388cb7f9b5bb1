export { closeMonth, type CloseOptions, type CloseProgress, type CloseResult } from './close-month';
export { importUsage, type UsageImportResult } from './usage-import';
export { creditNotePdf, issueCreditNote } from './credit-note';
export {
  monthStatements,
  statementPdf,
  statementVolume,
  writeStatements,
  type StatementVolume,
  type StoredStatement,
  type WrittenStatements,
} from './statements';
export { monthCloseState, type MonthCloseState } from './month-state';
