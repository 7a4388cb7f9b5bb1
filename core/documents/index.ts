export type { SellerProfile, Addressee, BankAccount, LineItemInput, TaxSummaryInput, MoneyInput } from './types';
export { registrationNumberProblem, registrationCheckDigit } from './registration-number';
export { renderEstimate, buildEstimate, DRAFT_MARK, type EstimateData } from './estimate';
export { renderPrepaidStatement, buildPrepaidStatement, type PrepaidStatementData } from './prepaid-statement';
export { renderPrepaidIdNotice, buildPrepaidIdNotice, type PrepaidIdNoticeData } from './prepaid-id-notice';
export {
  renderMonthlyStatement,
  buildMonthlyStatement,
  type MonthlyStatementData,
  type MonthlyStatementLine,
  type MonthlyServiceTotal,
  type StatementPayment,
  type ServiceName,
} from './monthly-statement';
export { renderCreditNote, buildCreditNote, type CreditNoteData } from './credit-note';
export { withoutRegistration, serviceLabel } from './monthly-statement';
export { renderCombined, renderStatementBatch, buildDocuments, CombinedPdf, type PrintableDocument } from './combine';
export { drawBuilt, finishPdf, renderBuilt } from './pdf';
