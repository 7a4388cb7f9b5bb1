import { InputError, type FieldProblem } from '../errors';
import { compareDates } from '../time';
import { buildEstimate, type EstimateData } from './estimate';
import { buildMonthlyStatement, type MonthlyStatementData } from './monthly-statement';
import { appendDocument, createPdf, finishPdf, type BuiltDocument } from './pdf';
import { PAGE_OPTIONS } from './layout';
import { buildPrepaidIdNotice, type PrepaidIdNoticeData } from './prepaid-id-notice';
import { buildPrepaidStatement, type PrepaidStatementData } from './prepaid-statement';
import type { SellerProfile } from './types';

export type PrintableDocument =
  | { kind: 'estimate'; data: EstimateData }
  | { kind: 'prepaid_statement'; data: PrepaidStatementData }
  | { kind: 'prepaid_id_notice'; data: PrepaidIdNoticeData }
  | { kind: 'monthly_statement'; data: MonthlyStatementData };

function build(item: PrintableDocument, seller: SellerProfile): BuiltDocument {
  switch (item.kind) {
    case 'estimate':
      return buildEstimate(item.data, seller);
    case 'prepaid_statement':
      return buildPrepaidStatement(item.data, seller);
    case 'prepaid_id_notice':
      return buildPrepaidIdNotice(item.data, seller);
    case 'monthly_statement':
      return buildMonthlyStatement(item.data, seller);
  }
}

/**
 * Many documents in one PDF for printing: one after another, each starting on a new page and numbered on
 * its own ("1 / 2"). Every document is checked first; one bad document stops the batch with every problem
 * named by its position (`documents[3].total`), before anything is drawn.
 */
export function renderCombined(
  items: PrintableDocument[],
  seller: SellerProfile | readonly SellerProfile[],
): Promise<Buffer> {
  const sellerOf = (i: number): SellerProfile => (Array.isArray(seller) ? seller[i] : seller) as SellerProfile;
  if (items.length === 0) throw InputError.one('documents', 'documents.nothing_to_print', 'nothing to print');
  const problems: FieldProblem[] = [];
  const built: BuiltDocument[] = [];
  items.forEach((item, i) => {
    try {
      built.push(build(item, sellerOf(i)));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(...e.problems.map((p) => ({ ...p, path: `documents[${i}].${p.path}` })));
    }
  });
  if (problems.length > 0) throw new InputError(problems);

  const latest = built.reduce((a, b) => (compareDates(a.date, b.date) >= 0 ? a : b));
  const doc = createPdf({
    title: `一括印刷 ${built.length}件`,
    author: latest.document.seller.name,
    date: latest.date,
  });
  built.forEach((b, i) => {
    if (i > 0) doc.addPage(PAGE_OPTIONS);
    appendDocument(doc, b.document);
  });
  return finishPdf(doc);
}

/** Monthly statements of many accounts in one PDF for printing; `seller` is one for all, or one per statement. */
export function renderStatementBatch(
  statements: MonthlyStatementData[],
  seller: SellerProfile | readonly SellerProfile[],
): Promise<Buffer> {
  return renderCombined(
    statements.map((data) => ({ kind: 'monthly_statement', data })),
    seller,
  );
}
