import type {
  Addressee,
  EstimateData,
  LineItemInput,
  PrepaidIdNoticeData,
  PrepaidStatementData,
  TaxSummaryInput,
} from '../documents';
import { serviceLabel } from '../documents';
import type { MemberRow } from '../ledger/schema';
import { Dec, formatYen } from '../money';
import type { PricedQuote } from './quote';

/**
 * What the prepaid documents print, built from the application's rows. The purchase of prepaid credit is a
 * deposit, outside consumption tax (対象外): the tax is charged on the bills the credit later pays
 * (DOMAIN.md Accounting: deposit = bank / prepaid liability; consumption = prepaid liability / revenue + tax).
 */

export const PREPAID_TAX_NOTE =
  'プリペイドクレジットのご購入代金は消費税の対象外です。ご利用時に、消費税を含むご利用料金へ充当いたします。';

interface ApplicationFields {
  estimate_number: string;
  amount: number;
  subject: string;
  valid_until: string | null;
  notes: string;
  rep_name?: string | null;
}

export const QUOTE_NOTE =
  'ご利用料金は月ごとに実際のご利用量で計算してご請求します。本見積りは上記の構成で毎月ご利用になった場合の金額です。';

/** A figure as the quote prints it: yen, a fraction kept to the sen (line amounts are exact until the subtotal). */
function quoteYen(value: string): string {
  const d = new Dec(value);
  if (d.isInteger()) return formatYen(d);
  const sen = d.minus(d.truncated()).toDecimalPlaces(2, Dec.ROUND_DOWN);
  return `${formatYen(d.truncated())}${sen.toFixed(2).slice(1)}`;
}

/** A quote's lines as the estimate prints them: one priced line per service for the whole period. */
function quoteLines(q: PricedQuote): {
  items: LineItemInput[];
  taxes: TaxSummaryInput[];
  total: string;
  sections: { heading: string; lines: string[] }[];
} {
  const months = String(q.months);
  const items = q.services.map((s) => ({
    name: `${serviceLabel(s.service)} ご利用料金（月額）`,
    quantity: months,
    unit: 'か月',
    unitPrice: s.monthly,
    amount: new Dec(s.monthly).times(q.months).toFixed(),
    taxRate: q.taxRate,
  }));
  const configuration = q.lines.map((l) => {
    const usage = [l.hours ? `${l.hours}時間/月` : '', l.gb ? `${l.gb}GB` : ''].filter((u) => u !== '').join('・');
    return `${l.plan} × ${l.count}${usage ? `（${usage}）` : ''}：月額 ${quoteYen(l.monthly)}（税抜）`;
  });
  const m = q.monthly;
  const p = q.period;
  return {
    items,
    taxes: [{ rate: q.taxRate, taxable: p.subtotal, tax: p.tax }],
    total: p.total,
    sections: [
      { heading: 'お見積りの構成（1か月あたり）', lines: configuration },
      {
        heading: '月額と期間の合計',
        lines: [
          `月額：小計 ${formatYen(m.subtotal)}／消費税 ${formatYen(m.tax)}／合計 ${formatYen(m.total)}（税込）`,
          `${q.months}か月分：小計 ${formatYen(p.subtotal)}／消費税 ${formatYen(p.tax)}／合計 ${formatYen(p.total)}（税込）`,
        ],
      },
    ],
  };
}

export function addresseeOf(member: Pick<MemberRow, 'name' | 'address'>): Addressee {
  return { kind: 'corporation', name: member.name, ...(member.address ? { address: member.address } : {}) };
}

function pricedLines(amount: number): { items: LineItemInput[]; taxes: TaxSummaryInput[]; total: string } {
  const yen = String(amount);
  return {
    items: [
      {
        name: `プリペイドクレジット ${formatYen(yen).replace('¥', '')}円分`,
        quantity: '1',
        unit: '式',
        unitPrice: yen,
        amount: yen,
        taxRate: null,
      },
    ],
    taxes: [{ rate: null, taxable: yen, tax: '0' }],
    total: yen,
  };
}

/**
 * The estimate's document: the prepaid credit (R-PRE-2), or with `quote` the configuration priced by the rating
 * core, its tax per R-TAX-4 (D-PRE-L: a quote prices the configuration instead of a prepaid amount; estimates.toPrepaid
 * turns an issued quote into a prepaid estimate for its total).
 */
export function estimateData(
  app: ApplicationFields,
  member: Pick<MemberRow, 'name' | 'address'>,
  issueDate: string,
  quote: PricedQuote | null = null,
): EstimateData {
  const notes = JSON.parse(app.notes) as string[];
  return {
    number: app.estimate_number,
    issueDate,
    validUntil: app.valid_until ?? issueDate,
    addressee: addresseeOf(member),
    subject: app.subject,
    ...(app.rep_name ? { repName: app.rep_name } : {}),
    ...(quote ? quoteLines(quote) : pricedLines(app.amount)),
    notes: [quote ? QUOTE_NOTE : PREPAID_TAX_NOTE, ...notes],
  };
}

export function statementData(
  app: ApplicationFields,
  member: Pick<MemberRow, 'name' | 'address'>,
  s: { number: string; issueDate: string; dueDate: string; payerNameKana: string },
): PrepaidStatementData {
  return {
    number: s.number,
    issueDate: s.issueDate,
    dueDate: s.dueDate,
    addressee: addresseeOf(member),
    subject: app.subject,
    estimateNumber: app.estimate_number,
    ...pricedLines(app.amount),
    payerNameKana: s.payerNameKana,
    notes: [PREPAID_TAX_NOTE],
  };
}

export function noticeData(
  member: Pick<MemberRow, 'name' | 'address' | 'member_number'>,
  n: {
    number: string;
    issueDate: string;
    code: string;
    amount: number;
    registrationDeadline: string;
    statementNumber: string;
  },
): PrepaidIdNoticeData {
  return {
    number: n.number,
    issueDate: n.issueDate,
    addressee: addresseeOf(member),
    memberId: member.member_number,
    prepaidId: n.code,
    amount: String(n.amount),
    registrationDeadline: n.registrationDeadline,
    statementNumber: n.statementNumber,
  };
}
