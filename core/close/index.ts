export {
  closeMonth,
  previewClose,
  type ClosePreview,
  type CloseOptions,
  type CloseProgress,
  type CloseResult,
} from './close-month';
export {
  importUsage,
  listUsageImports,
  withdrawUsageImport,
  type StoredUsageImport,
  type UsageImportResult,
  type WithdrawnImport,
} from './usage-import';
export { monthOverview, type MonthOverviewRow } from './month-overview';
export { listMonthStatements, recordDeliveries, type MonthStatementRow } from './statement-deliveries';
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
export { billDetail, type BillDetail } from './bill-detail';
