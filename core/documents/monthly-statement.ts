import { Dec, formatYen } from '../money';
import { daysInMonth, parseMonth, type CalendarDate } from '../time';
import { headlineYen, japaneseDate, rateLabel, roundedNumber, yenCut, yenWithFraction } from './format';
import type { InputReader } from './input';
import { builtDocument, readDateNotBefore, readOpening } from './opening';
import { bankAccountRows, type KeyValue, type TableRow, type TotalRow } from './layout';
import { renderBuilt, type BuiltDocument } from './pdf';
import type { Addressee, MoneyInput, SellerProfile } from './types';

/** The services of R-RATE-9, in their billing order, with their printed names. */
const SERVICE_NAMES = {
  server: 'サーバー',
  license: 'ライセンス',
  volume: 'ディスク',
  internet: 'インターネット接続',
  network: '追加ネットワーク',
  archive: 'アーカイブ',
  ip: 'IPアドレス',
} as const;
export type ServiceName = keyof typeof SERVICE_NAMES;

/** A service's printed name (サーバー, ディスク…). */
export function serviceLabel(service: ServiceName): string {
  return SERVICE_NAMES[service];
}
const SERVICE_ORDER = Object.keys(SERVICE_NAMES) as ServiceName[];

const UNIT_NAMES = { hour: '時間', 'GB-hour': 'GB時間', GB: 'GB', month: 'か月' } as const;
/** The unit a price is quoted per (¥10.5/時間, ¥1,100/月). */
const PRICE_UNITS = { hour: '時間', 'GB-hour': 'GB時間', GB: 'GB', month: '月' } as const;
/**
 * D-DOC-1: the decimals a quantity is printed to, by unit: hours and GB-hours to the hundredth (36 seconds;
 * 0.01 GB-hour), transfers to the MB (0.001 GB), a part month to the hundredth. Amounts are computed from the
 * exact quantity; a line whose quantity is printed rounded carries the mark ※1 after its name, explained under the totals.
 */
const QUANTITY_PLACES = { hour: 2, 'GB-hour': 2, GB: 3, month: 2 } as const;
/**
 * D-DOC-2: a line amount with a fraction of a yen is printed cut to the sen (2 decimals) with the mark ※2: the
 * exact amounts are summed and the sum floored per service (R-RATE-8), which the footnote says.
 */
const AMOUNT_PLACES = 2;
const ROUNDED_QUANTITY_NOTE =
  '※1 数量は単位ごとの桁（時間・GB時間・か月は小数第2位、GBは小数第3位）に四捨五入して表示しています。金額は正確な数量×単価で計算しています。';
const FRACTION_AMOUNT_NOTE =
  '※2 1円未満を含む金額は小数第2位未満を切り捨てて表示しています。サービス小計は各行の正確な金額を合計し、1円未満を切り捨てた額です。';

/** One bill line as the rating core gives it (shared/contracts/rating.md), plus an optional unit price. */
export interface MonthlyStatementLine {
  service: ServiceName;
  resource: string;
  plan: string;
  /** Printed instead of "plan（resource）" when given. */
  description?: string;
  quantity: MoneyInput;
  unit: keyof typeof UNIT_NAMES;
  /** Per unit; printed as "—" when absent. */
  unitPrice?: MoneyInput;
  /** May keep a fraction: amounts are exact until the service subtotal (R-RATE-8). */
  amount: MoneyInput;
  capped: boolean;
}

export interface MonthlyServiceTotal {
  service: ServiceName;
  subtotal: MoneyInput;
  /** Present in per_service mode only (R-TAX-2). */
  tax?: MoneyInput;
  total?: MoneyInput;
}

export type StatementPayment =
  | { method: 'bank_transfer'; dueDate: string; payerNameKana: string }
  | { method: 'direct_debit'; debitDate: string }
  | { method: 'credit_card'; cardLabel?: string };

/** 請求書 for a month of a cloud account: a qualified invoice (適格請求書, R-TAX-3). */
export interface MonthlyStatementData {
  number: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** The billing month, YYYY-MM. */
  month: string;
  addressee: Addressee;
  memberId: string;
  account: string;
  taxMode: 'per_service' | 'per_invoice';
  taxRate: MoneyInput;
  lines: MonthlyStatementLine[];
  services: MonthlyServiceTotal[];
  /** Whole yen: the bill's pre-tax sum, tax and tax-included total. */
  subtotal: MoneyInput;
  tax: MoneyInput;
  total: MoneyInput;
  /** The prepaid balance used against the tax-included total (R-PRE-9). */
  prepaidApplied?: MoneyInput;
  payment: StatementPayment;
  notes?: string[];
}

interface ServiceFigures {
  service: ServiceName;
  subtotal: Dec;
  tax: Dec | null;
}

function readServices(r: InputReader, data: MonthlyStatementData): ServiceFigures[] {
  const seen = new Set<string>();
  return (Array.isArray(data.services) ? data.services : []).map((s, i) => {
    const path = `services[${i}]`;
    if (!(s.service in SERVICE_NAMES))
      r.add(`${path}.service`, 'value.not_one_of', `not a service (${SERVICE_ORDER.join(', ')})`, {
        options: SERVICE_ORDER.join(', '),
      });
    if (seen.has(s.service))
      r.add(`${path}.service`, 'value.duplicate', 'this service appears twice', { value: s.service });
    seen.add(s.service);
    const subtotal = r.yen(s.subtotal, `${path}.subtotal`);
    if (data.taxMode === 'per_invoice') {
      if (s.tax !== undefined || s.total !== undefined) {
        r.add(
          `${path}.tax`,
          'statement.tax_per_service_in_per_invoice',
          'per_invoice mode has one tax per invoice and rate, not per service (R-TAX-3)',
        );
      }
      return { service: s.service, subtotal, tax: null };
    }
    const tax = r.yen(s.tax, `${path}.tax`);
    const total = r.yen(s.total, `${path}.total`);
    if (!subtotal.plus(tax).equals(total))
      r.add(
        `${path}.total`,
        'amount.sum_mismatch',
        `${formatYen(total)} but subtotal + tax is ${formatYen(subtotal.plus(tax))}`,
        { amount: formatYen(total), sum: formatYen(subtotal.plus(tax)) },
      );
    return { service: s.service, subtotal, tax };
  });
}

function paymentDetails(
  r: InputReader,
  p: StatementPayment,
  issueDate: CalendarDate,
  seller: SellerProfile,
): { header: KeyValue[]; block: KeyValue[] } {
  const notBefore = (value: unknown, path: string) => japaneseDate(readDateNotBefore(r, value, path, issueDate));
  if (p?.method === 'bank_transfer') {
    const due = notBefore(p.dueDate, 'payment.dueDate');
    const payer = r.halfWidthKana(p.payerNameKana, 'payment.payerNameKana');
    return {
      header: [{ label: 'お支払期限', value: due }],
      block: [
        { label: 'お支払方法', value: '銀行振込' },
        ...bankAccountRows(seller),
        { label: 'お支払期限', value: due },
        { label: '振込依頼人名', value: payer },
      ],
    };
  }
  if (p?.method === 'direct_debit') {
    const debit = notBefore(p.debitDate, 'payment.debitDate');
    return {
      header: [{ label: '口座振替日', value: debit }],
      block: [
        { label: 'お支払方法', value: '口座振替' },
        { label: '口座振替日', value: `${debit}（ご登録の口座から引き落とします）` },
      ],
    };
  }
  if (p?.method === 'credit_card') {
    const card = r.optionalText(p.cardLabel, 'payment.cardLabel');
    return { header: [], block: [{ label: 'お支払方法', value: `クレジットカード${card ? `（${card}）` : ''}` }] };
  }
  r.add('payment.method', 'value.not_one_of', 'not "bank_transfer", "direct_debit" or "credit_card"', {
    options: 'bank_transfer, direct_debit, credit_card',
  });
  return { header: [], block: [] };
}

interface LineMarks {
  roundedQuantity: boolean;
  fractionAmount: boolean;
}

function lineRow(r: InputReader, line: MonthlyStatementLine, path: string, marks: LineMarks): TableRow {
  const quantity = r.decimal(line.quantity, `${path}.quantity`);
  const amount = r.decimal(line.amount, `${path}.amount`);
  const unitPrice = line.unitPrice === undefined ? null : r.decimal(line.unitPrice, `${path}.unitPrice`);
  const unit = UNIT_NAMES[line.unit];
  if (!unit)
    r.add(`${path}.unit`, 'value.not_one_of', `not a unit (${Object.keys(UNIT_NAMES).join(', ')})`, {
      options: Object.keys(UNIT_NAMES).join(', '),
    });
  const name =
    line.description ?? `${r.text(line.plan, `${path}.plan`)}（${r.text(line.resource, `${path}.resource`)}）`;
  const q = roundedNumber(quantity, unit ? QUANTITY_PLACES[line.unit] : 6);
  const a = amount.isInteger() ? { text: yenWithFraction(amount), exact: true } : yenCut(amount, AMOUNT_PLACES);
  if (!q.exact) marks.roundedQuantity = true;
  if (!amount.isInteger()) marks.fractionAmount = true;
  return {
    kind: 'item',
    // The quantity column is narrow: a rounded quantity's mark goes after the line's name.
    name: `${name}${line.capped ? ' ※月額上限適用' : ''}${q.exact ? '' : ' ※1'}`,
    quantity: `${q.text} ${unit ?? ''}`,
    unitPrice: unitPrice === null || !unit ? '—' : `${yenWithFraction(unitPrice)}/${PRICE_UNITS[line.unit]}`,
    amount: `${a.text}${amount.isInteger() ? '' : ' ※2'}`,
  };
}

export function buildMonthlyStatement(data: MonthlyStatementData, seller: SellerProfile): BuiltDocument {
  const opening = readOpening(data);
  const { r, issueDate } = opening;
  let period = '';
  let monthLabel = '';
  const m = r.catch(() => parseMonth(data.month, 'month'));
  if (m) {
    monthLabel = `${m.year}年${m.month}月分`;
    period = `${japaneseDate({ year: m.year, month: m.month, day: 1 })}〜${m.month}月${daysInMonth(m.year, m.month)}日`;
  }
  const memberId = r.text(data.memberId, 'memberId');
  const account = r.text(data.account, 'account');
  if (data.taxMode !== 'per_service' && data.taxMode !== 'per_invoice')
    r.add('taxMode', 'value.not_one_of', 'not "per_service" or "per_invoice"', { options: 'per_service, per_invoice' });
  const rate = r.rate(data.taxRate, 'taxRate');
  const services = readServices(r, data);

  // The whole-yen figures must add up; the tax itself was computed by billing (R-TAX-2, R-TAX-3).
  const subtotal = r.yen(data.subtotal, 'subtotal');
  const tax = r.yen(data.tax, 'tax');
  const total = r.yen(data.total, 'total');
  const serviceSum = services.reduce((sum, s) => sum.plus(s.subtotal), new Dec(0));
  if (!serviceSum.equals(subtotal))
    r.add(
      'subtotal',
      'amount.sum_mismatch',
      `${formatYen(subtotal)} but the services sum to ${formatYen(serviceSum)}`,
      { amount: formatYen(subtotal), sum: formatYen(serviceSum) },
    );
  if (data.taxMode === 'per_service') {
    const serviceTax = services.reduce((sum, s) => sum.plus(s.tax ?? 0), new Dec(0));
    if (!serviceTax.equals(tax))
      r.add('tax', 'amount.sum_mismatch', `${formatYen(tax)} but the services' tax sums to ${formatYen(serviceTax)}`, {
        amount: formatYen(tax),
        sum: formatYen(serviceTax),
      });
  }
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
  const prepaid = data.prepaidApplied === undefined ? null : r.yen(data.prepaidApplied, 'prepaidApplied');
  if (prepaid?.greaterThan(total))
    r.add('prepaidApplied', 'prepaid.applied_over_total', 'more than the tax-included total (R-PRE-9)');
  const due = prepaid ? total.minus(prepaid) : total;

  // Lines grouped by service, in the order of R-RATE-9.
  const rows: TableRow[] = [];
  const lines = (Array.isArray(data.lines) ? data.lines : []).map((line, i) => {
    if (line && typeof line === 'object') return line;
    r.add(`lines[${i}]`, 'value.not_object', 'not a bill line');
    return null;
  });
  lines.forEach((line, i) => {
    if (!line) return;
    if (!services.some((s) => s.service === line.service))
      r.add(`lines[${i}].service`, 'statement.line_without_service', 'no entry in services for this line');
  });
  const marks: LineMarks = { roundedQuantity: false, fractionAmount: false };
  const ordered = [...services].sort((a, b) => SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service));
  for (const s of ordered) {
    const name = SERVICE_NAMES[s.service] ?? s.service;
    rows.push({ kind: 'group', label: name });
    const own = lines.flatMap((line, i) => (line?.service === s.service ? [{ line, i }] : []));
    if (own.length === 0)
      r.add('services', 'statement.service_without_lines', `${s.service} has a subtotal but no lines`, {
        service: s.service,
      });
    for (const { line, i } of own) rows.push(lineRow(r, line, `lines[${i}]`, marks));
    rows.push({ kind: 'subtotal', label: `${name} 小計`, amount: formatYen(s.subtotal) });
    if (s.tax) rows.push({ kind: 'subtotal', label: `${name} 消費税（${rateLabel(rate)}）`, amount: formatYen(s.tax) });
  }
  // R-TAX-4: only a qualified invoice (tax once per rate, per_invoice) shows the registration number.
  const shownSeller = data.taxMode === 'per_invoice' ? seller : withoutRegistration(seller);
  const pay = paymentDetails(r, data.payment, issueDate, shownSeller);
  const footnotes = [
    ...(marks.roundedQuantity ? [ROUNDED_QUANTITY_NOTE] : []),
    ...(marks.fractionAmount ? [FRACTION_AMOUNT_NOTE] : []),
  ];

  const totals: TotalRow[] = [
    { label: '小計（税抜）', value: formatYen(subtotal) },
    { label: `${rateLabel(rate)}対象 ${formatYen(subtotal)}`, value: `消費税 ${formatYen(tax)}` },
    { label: '合計（税込）', value: formatYen(total), strong: !prepaid },
    ...(prepaid
      ? [
          { label: 'プリペイド充当', value: prepaid.isZero() ? formatYen(prepaid) : `-${formatYen(prepaid)}` },
          { label: 'ご請求金額', value: formatYen(due), strong: true },
        ]
      : []),
  ];
  return builtDocument(opening, shownSeller, {
    title: '請求書',
    headerFields: [
      { label: '請求対象期間', value: period },
      { label: '会員ID', value: memberId },
      { label: 'クラウドアカウント', value: account },
      ...pay.header,
    ],
    subject: `クラウドサービスご利用料金 ${monthLabel}`,
    greeting: '下記の通りご請求申し上げます。',
    headline: { label: 'ご請求金額', amount: headlineYen(due), note: '（税込）' },
    items: rows,
    totals,
    // The registration number is in the seller block and the tax per rate in the totals (R-TAX-3).
    totalsCaption:
      data.taxMode === 'per_invoice'
        ? '消費税：請求書ごと・税率ごとに計算し、1円未満を切り捨て'
        : '消費税：サービスごとに税込金額を計算し、1円未満を切り捨て',
    ...(footnotes.length > 0 ? { footnotes } : {}),
    blocks: [{ heading: 'お支払について', rows: pay.block }],
    notes: data.notes && data.notes.length > 0 ? data.notes : undefined,
  });
}

/** The seller as a document that is not a qualified invoice prints it: no registration number (R-TAX-4). */
export function withoutRegistration(seller: SellerProfile): SellerProfile {
  if (seller.registrationNumber === undefined) return seller;
  const { registrationNumber: _dropped, ...rest } = seller;
  return rest;
}

/** Renders a month's 請求書 as a PDF. */
export function renderMonthlyStatement(data: MonthlyStatementData, seller: SellerProfile): Promise<Buffer> {
  return renderBuilt(buildMonthlyStatement(data, seller));
}
