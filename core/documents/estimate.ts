import { japaneseDate, headlineYen } from './format';
import { builtDocument, readOpening } from './opening';
import { renderBuilt, type BuiltDocument } from './pdf';
import { readPricedItems } from './priced-items';
import type { Addressee, LineItemInput, MoneyInput, SellerProfile, TaxSummaryInput } from './types';

/** 見積書: an individual estimate, one per prepaid application (R-PRE-2). */
export interface EstimateData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** 有効期限, YYYY-MM-DD, on or after the issue date. */
  validUntil: string;
  addressee: Addressee;
  subject: string;
  items: LineItemInput[];
  taxes: TaxSummaryInput[];
  /** Whole yen, tax included. */
  total: MoneyInput;
  notes?: string[];
  /** The sales rep in charge (担当者). */
  repName?: string;
  /** Headed paragraphs under the totals (a quote's configuration, its monthly and whole-period figures). */
  sections?: { heading: string; lines: string[] }[];
  /** A draft's preview: DRAFT / 下書き across every page; never set on an issued estimate. */
  draft?: boolean;
}

/** The mark across a draft estimate's pages. */
export const DRAFT_MARK = 'DRAFT / 下書き';

export function buildEstimate(data: EstimateData, seller: SellerProfile): BuiltDocument {
  const opening = readOpening(data, { path: 'validUntil', value: data.validUntil });
  const { r } = opening;
  const validUntil = japaneseDate(opening.later!);
  const subject = r.text(data.subject, 'subject');
  const priced = readPricedItems(r, data.items, data.taxes, data.total);
  const rep = r.optionalText(data.repName, 'repName');
  return builtDocument(opening, seller, {
    title: '見積書',
    headerFields: [{ label: '有効期限', value: validUntil }, ...(rep ? [{ label: '担当者', value: rep }] : [])],
    subject,
    greeting: '下記の通りお見積り申し上げます。',
    headline: { label: '御見積金額', amount: headlineYen(priced.total), note: '（税込）' },
    items: priced.rows,
    totals: priced.totals,
    ...(data.sections ? { sections: data.sections } : {}),
    notes: [`本見積書の有効期限は${validUntil}です。`, ...(data.notes ?? [])],
    ...(data.draft ? { watermark: DRAFT_MARK } : {}),
  });
}

/** Renders a 見積書 as a PDF. */
export function renderEstimate(data: EstimateData, seller: SellerProfile): Promise<Buffer> {
  return renderBuilt(buildEstimate(data, seller));
}
