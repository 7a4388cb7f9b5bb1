export { importBankFile, fileDigest, type ImportRequest, type ImportResult, type ImportLine } from './import-file';
export { reviewQueue, confirmMatch, rematch, dismiss, markUnknown, type QueuedDeposit, type Decision } from './review';
export { importReport, type ImportReport, type ReportLine } from './report';
export { loadOpenItems, findOpenTarget, type OpenTarget, type OpenItems } from './open-items';
export { settleDeposit, type Settlement, type Actor } from './settle';
export type { ImportSummary } from './summary';
