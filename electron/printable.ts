/**
 * The operations whose PDF the print channel prints. Each one renders a document already issued, again, from
 * what was stored: printing never issues or numbers anything (prepaid.noticePdf only adds its audit entry, as
for any showing of a code), so printing twice is harmless. An
 * operation that issues a document (prepaid.issueId, prepaid.issueStatement) is printed through its reading
 * twin (prepaid.noticePdf, prepaid.statementPdf).
 */
export const PRINTABLE_OPERATIONS: readonly string[] = [
  'billing.statementPdf',
  'billing.monthStatementsPdf',
  'estimates.pdf',
  'prepaid.statementPdf',
  'prepaid.noticePdf',
];

export function isPrintable(operation: string): boolean {
  return PRINTABLE_OPERATIONS.includes(operation);
}
