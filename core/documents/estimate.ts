import { compareDates } from '../time';
import { DEFAULT_SELLER } from './default-seller';
import { japaneseDate, headlineYen } from './format';
import { InputReader, readAddressee, readSeller } from './input';
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
}

export function buildEstimate(data: EstimateData, seller: SellerProfile = DEFAULT_SELLER): BuiltDocument {
  const r = new InputReader();
  const issueDate = r.date(data.issueDate, 'issueDate');
  const validUntil = r.date(data.validUntil, 'validUntil');
  if (compareDates(validUntil, issueDate) < 0) r.problem('validUntil', 'before the issue date');
  const addressee = readAddressee(r, data.addressee, 'addressee');
  const number = r.text(data.number, 'number');
  const subject = r.text(data.subject, 'subject');
  const priced = readPricedItems(r, data.items, data.taxes, data.total);
  readSeller(r, seller);
  r.done();
  return {
    date: issueDate,
    document: {
      title: '見積書',
      number,
      issueDate: japaneseDate(issueDate),
      headerFields: [{ label: '有効期限', value: japaneseDate(validUntil) }],
      addressee,
      subject,
      greeting: '下記の通りお見積り申し上げます。',
      headline: { label: '御見積金額', amount: headlineYen(priced.total), note: '（税込）' },
      seller,
      items: priced.rows,
      totals: priced.totals,
      notes: [`本見積書の有効期限は${japaneseDate(validUntil)}です。`, ...(data.notes ?? [])],
    },
  };
}

/** Renders a 見積書 as a PDF. */
export function renderEstimate(data: EstimateData, seller: SellerProfile = DEFAULT_SELLER): Promise<Buffer> {
  return renderBuilt(buildEstimate(data, seller));
}
