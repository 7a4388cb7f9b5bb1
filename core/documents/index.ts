export type { SellerProfile, Addressee, BankAccount, LineItemInput, TaxSummaryInput, MoneyInput } from './types';
export { DEFAULT_SELLER } from './default-seller';
export { renderEstimate, buildEstimate, type EstimateData } from './estimate';
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
export { renderCombined, renderStatementBatch, type PrintableDocument } from './combine';
