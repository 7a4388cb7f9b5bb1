import { formatYen } from '../money';
import { headlineYen, japaneseDate, rateLabel } from './format';
import { withoutRegistration } from './monthly-statement';
import { builtDocument, readDateNotBefore, readOpening } from './opening';
import { renderBuilt, type BuiltDocument } from './pdf';
import type { Addressee, MoneyInput, SellerProfile } from './types';

/**
 * 適格返還請求書: the credit note of a month's statement (R-TAX-4). Of a qualified invoice it is a qualified
 * return invoice: the registration number, its date, the original statement, the amount returned and its tax per
 * rate. Of a statement that was not one (per_service), it shows no registration number.
 */
export interface CreditNoteData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  addressee: Addressee;
  memberId: string;
  account: string;
  /** The statement corrected: its number, issue date (YYYY-MM-DD) and billing month (YYYY-MM). */
  original: { number: string; issueDate: string; month: string };
  /** Whether the original statement was a qualified invoice (per_invoice). */
  qualified: boolean;
  reason: string;
  taxRate: MoneyInput;
  /** Whole yen returned before tax, its tax (once for the document, R-TAX-4) and the sum. */
  subtotal: MoneyInput;
  tax: MoneyInput;
  total: MoneyInput;
}

export function buildCreditNote(data: CreditNoteData, seller: SellerProfile): BuiltDocument {
  const opening = readOpening(data);
  const { r } = opening;
  const original = data.original ?? { number: '', issueDate: '', month: '' };
  const originalNumber = r.text(original.number, 'original.number');
  const originalDate = r.date(original.issueDate, 'original.issueDate');
  readDateNotBefore(r, data.issueDate, 'issueDate', originalDate);
  const [year, month] = r.text(original.month, 'original.month').split('-');
  const reason = r.text(data.reason, 'reason');
  const memberId = r.text(data.memberId, 'memberId');
  const account = r.text(data.account, 'account');
  const rate = r.rate(data.taxRate, 'taxRate');
  const subtotal = r.yen(data.subtotal, 'subtotal');
  const tax = r.yen(data.tax, 'tax');
  const total = r.yen(data.total, 'total');
  if (!subtotal.plus(tax).equals(total))
    r.add(
      'total',
      'amount.sum_mismatch',
      `${formatYen(total)} but subtotal + tax is ${formatYen(subtotal.plus(tax))}`,
      {
        amount: formatYen(total),
        sum: formatYen(subtotal.plus(tax)),
      },
    );
  const monthLabel = `${Number(year)}年${Number(month)}月分`;
  return builtDocument(opening, data.qualified ? seller : withoutRegistration(seller), {
    title: data.qualified ? '適格返還請求書' : '返還請求書',
    headerFields: [
      { label: '元の請求書', value: originalNumber },
      { label: '元の発行日', value: japaneseDate(originalDate) },
      { label: '会員ID', value: memberId },
      { label: 'クラウドアカウント', value: account },
    ],
    subject: `クラウドサービスご利用料金 ${monthLabel} の返還（値引き）`,
    greeting: '下記の通り、ご請求額から返還（値引き）いたします。',
    headline: { label: '返還金額', amount: headlineYen(total), note: '（税込）' },
    items: [
      {
        kind: 'item',
        name: `${monthLabel} ご利用料金の返還（請求書 ${originalNumber}）：${reason}`,
        quantity: '1 式',
        unitPrice: formatYen(subtotal),
        amount: formatYen(subtotal),
      },
    ],
    totals: [
      { label: '返還額（税抜）', value: formatYen(subtotal) },
      { label: `${rateLabel(rate)}対象 ${formatYen(subtotal)}`, value: `消費税 ${formatYen(tax)}` },
      { label: '返還額合計（税込）', value: formatYen(total), strong: true },
    ],
    totalsCaption: '消費税：返還請求書ごと・税率ごとに計算し、1円未満を切り捨て',
    notes: [
      '返還額は、元の請求書のお支払額から差し引きます（お支払済みの場合は返金または次回以降のご請求に充当します）。',
    ],
  });
}

/** Renders a credit note (適格返還請求書) as a PDF. */
export function renderCreditNote(data: CreditNoteData, seller: SellerProfile): Promise<Buffer> {
  return renderBuilt(buildCreditNote(data, seller));
}
