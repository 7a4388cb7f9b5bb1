import { headlineYen, japaneseDate } from './format';
import { builtDocument, readOpening } from './opening';
import { bankAccountRows } from './layout';
import { renderBuilt, type BuiltDocument } from './pdf';
import { readPricedItems } from './priced-items';
import type { Addressee, LineItemInput, MoneyInput, SellerProfile, TaxSummaryInput } from './types';

/** 請求書 for a prepaid purchase: paid by bank transfer into the seller's account (R-PRE-1, R-PRE-2). */
export interface PrepaidStatementData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** お支払期限, YYYY-MM-DD, on or after the issue date. */
  dueDate: string;
  addressee: Addressee;
  subject: string;
  /** The estimate this statement follows, when there is one. */
  estimateNumber?: string;
  items: LineItemInput[];
  taxes: TaxSummaryInput[];
  /** Whole yen, tax included. */
  total: MoneyInput;
  /** The name the customer must give as 振込依頼人名, in half-width kana (e.g. "1234567 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ"). */
  payerNameKana: string;
  notes?: string[];
}

export function buildPrepaidStatement(data: PrepaidStatementData, seller: SellerProfile): BuiltDocument {
  const opening = readOpening(data, { path: 'dueDate', value: data.dueDate });
  const { r } = opening;
  if (opening.addressee.kind !== 'corporation')
    r.add('addressee.kind', 'prepaid.corporations_only', 'the prepaid method is for corporations only (R-PARTY-3)');
  const subject = r.text(data.subject, 'subject');
  const estimateNumber = r.optionalText(data.estimateNumber, 'estimateNumber');
  const payerName = r.halfWidthKana(data.payerNameKana, 'payerNameKana');
  const priced = readPricedItems(r, data.items, data.taxes, data.total);
  const due = japaneseDate(opening.later!);
  return builtDocument(opening, seller, {
    title: '請求書',
    headerFields: [
      { label: 'お支払期限', value: due },
      ...(estimateNumber ? [{ label: '見積番号', value: estimateNumber }] : []),
    ],
    subject,
    greeting: '下記の通りご請求申し上げます。',
    headline: { label: 'ご請求金額', amount: headlineYen(priced.total), note: '（税込）' },
    items: priced.rows,
    totals: priced.totals,
    blocks: [
      {
        heading: 'お振込先',
        rows: [
          ...bankAccountRows(seller),
          { label: 'お支払期限', value: due },
          { label: '振込依頼人名', value: payerName },
        ],
      },
    ],
    notes: [
      `お振込の際は、振込依頼人名を「${payerName}」としてください。`,
      '振込手数料はお客様のご負担にてお願いいたします。',
      'ご入金の確認後、3〜5営業日以内にプリペイドIDを発行し、ご登録のメールアドレスへお送りします。',
      ...(data.notes ?? []),
    ],
  });
}

/** Renders the 請求書 for a prepaid purchase as a PDF. */
export function renderPrepaidStatement(data: PrepaidStatementData, seller: SellerProfile): Promise<Buffer> {
  return renderBuilt(buildPrepaidStatement(data, seller));
}
