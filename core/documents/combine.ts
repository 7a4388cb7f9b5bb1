import { InputError, type FieldProblem } from '../errors';
import { compareDates } from '../time';
import { buildEstimate, type EstimateData } from './estimate';
import { buildMonthlyStatement, type MonthlyStatementData } from './monthly-statement';
import { appendDocument, createPdf, finishPdf, type BuiltDocument } from './pdf';
import { PAGE_OPTIONS } from './layout';
import { replayDocument, type DrawnDocument } from './replay';
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
 * Every document checked and laid out; one bad document stops the batch with every problem named by its
 * position (`documents[3].total`), before anything is drawn.
 */
export function buildDocuments(
  items: readonly PrintableDocument[],
  seller: SellerProfile | readonly SellerProfile[],
): BuiltDocument[] {
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
  return built;
}

/**
 * Built documents in one PDF for printing, drawn one at a time in their order (so a caller may draw each
 * document's own PDF beside it): each starts on a new page and is numbered on its own ("1 / 2").
 */
export class CombinedPdf {
  private readonly doc: PDFKit.PDFDocument;
  private drawn = 0;

  constructor(private readonly built: readonly BuiltDocument[]) {
    const latest = built.reduce((a, b) => (compareDates(a.date, b.date) >= 0 ? a : b));
    this.doc = createPdf({
      title: `一括印刷 ${built.length}件`,
      author: latest.document.seller.name,
      date: latest.date,
    });
  }

  /**
   * Draws the next document, or puts in what its drawing on a PDF of its own put there (`drawn`, replay.ts),
   * which gives the same bytes without laying it out again.
   */
  appendNext(drawn?: DrawnDocument | null): void {
    const b = this.built[this.drawn];
    if (!b) throw new Error(`all ${this.built.length} documents are drawn already`);
    const first = this.drawn++ === 0;
    if (!first && drawn && replayDocument(this.doc, drawn)) return;
    if (!first) this.doc.addPage(PAGE_OPTIONS);
    appendDocument(this.doc, b.document);
  }

  finish(): Promise<Buffer> {
    if (this.drawn !== this.built.length) throw new Error(`${this.drawn} of ${this.built.length} documents drawn`);
    return finishPdf(this.doc);
  }
}

/** Many documents in one PDF for printing (buildDocuments, then CombinedPdf). */
export function renderCombined(
  items: PrintableDocument[],
  seller: SellerProfile | readonly SellerProfile[],
): Promise<Buffer> {
  const combined = new CombinedPdf(buildDocuments(items, seller));
  for (let i = 0; i < items.length; i++) combined.appendNext();
  return combined.finish();
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
