import type {
  Addressee,
  EstimateData,
  LineItemInput,
  PrepaidIdNoticeData,
  PrepaidStatementData,
  TaxSummaryInput,
} from '../documents';
import type { MemberRow } from '../ledger/schema';
import { formatYen } from '../money';

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

export function estimateData(
  app: ApplicationFields,
  member: Pick<MemberRow, 'name' | 'address'>,
  issueDate: string,
): EstimateData {
  return {
    number: app.estimate_number,
    issueDate,
    validUntil: app.valid_until ?? issueDate,
    addressee: addresseeOf(member),
    subject: app.subject,
    ...pricedLines(app.amount),
    notes: [PREPAID_TAX_NOTE, ...(JSON.parse(app.notes) as string[])],
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
