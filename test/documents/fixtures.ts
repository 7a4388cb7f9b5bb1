import type {
  EstimateData,
  MonthlyStatementData,
  MonthlyStatementLine,
  PrepaidIdNoticeData,
  PrepaidStatementData,
  SellerProfile,
} from '../../core/documents';

/** A registered seller: T1120001234567 passes its check digit (R-TAX-4: 9 − (44 mod 9) = 1). */
export const SELLER: SellerProfile = {
  name: '株式会社あおぞらクラウド',
  postalCode: '530-0011',
  address: '大阪府大阪市北区大深町3番1号 グランフロント大阪タワーB 12階',
  phone: '06-6123-4567',
  email: 'billing@aozora-cloud.example.jp',
  registrationNumber: 'T1120001234567',
  bankAccounts: [
    {
      bankName: 'みずなみ銀行',
      bankCode: '0001',
      branchName: '梅田支店',
      branchCode: '123',
      accountType: 'ordinary',
      accountNumber: '1234567',
      accountHolderKana: 'ｶ)ｱｵｿﾞﾗｸﾗｳﾄﾞ',
    },
  ],
};

export const CUSTOMER = {
  kind: 'corporation' as const,
  name: '株式会社山田商事',
  postalCode: '100-0005',
  address: '東京都千代田区丸の内1丁目9番2号',
};

/** ¥100,000 of prepaid credit at 10%: ¥10,000 tax, ¥110,000 in all. */
export const ESTIMATE: EstimateData = {
  number: 'EST-2026-000123',
  issueDate: '2026-10-01',
  validUntil: '2026-10-31',
  addressee: CUSTOMER,
  subject: 'プリペイドクレジットのご購入',
  items: [
    {
      name: 'プリペイドクレジット 100,000円分',
      quantity: '1',
      unit: '式',
      unitPrice: '100000',
      amount: '100000',
      taxRate: '0.10',
    },
  ],
  taxes: [{ rate: '0.10', taxable: '100000', tax: '10000' }],
  total: '110000',
};

export const PREPAID_STATEMENT: PrepaidStatementData = {
  number: 'INV-P-2026-000045',
  issueDate: '2026-10-02',
  dueDate: '2026-10-30',
  addressee: CUSTOMER,
  subject: 'プリペイドクレジットのご購入',
  estimateNumber: 'EST-2026-000123',
  items: ESTIMATE.items,
  taxes: ESTIMATE.taxes,
  total: '110000',
  payerNameKana: '1000123 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ',
};

export const PREPAID_ID_NOTICE: PrepaidIdNoticeData = {
  number: 'PID-2026-000007',
  issueDate: '2026-10-08',
  addressee: CUSTOMER,
  memberId: 'M-1000123',
  prepaidId: 'PP7K-2Q9D-XM4T-8HRC',
  amount: '100000',
  registrationDeadline: '2027-10-08',
  statementNumber: 'INV-P-2026-000045',
};

/** The contract example bill of shared/contracts/rating.md (per_service: ¥9,727 + ¥972 = ¥10,699). */
const CONTRACT_LINES: MonthlyStatementLine[] = [
  {
    service: 'server',
    resource: 'vm-1',
    plan: 'vm.standard.s4',
    quantity: '444',
    unit: 'hour',
    unitPrice: '10.5',
    amount: '4662',
    capped: false,
  },
  {
    service: 'server',
    resource: 'vm-1',
    plan: 'vm.standard.m8',
    quantity: '180',
    unit: 'hour',
    unitPrice: '21',
    amount: '3780',
    capped: false,
  },
  {
    service: 'volume',
    resource: 'vol-1',
    plan: 'volume.std',
    quantity: '103200',
    unit: 'GB-hour',
    unitPrice: '0.0125',
    amount: '1160',
    capped: true,
  },
  {
    service: 'internet',
    resource: 'inet',
    plan: 'internet.metered',
    quantity: '12.5',
    unit: 'GB',
    unitPrice: '10',
    amount: '125',
    capped: false,
  },
];

export const MONTHLY_STATEMENT: MonthlyStatementData = {
  number: 'INV-2026-10-000123',
  issueDate: '2026-11-10',
  month: '2026-10',
  addressee: CUSTOMER,
  memberId: 'M-1000123',
  account: 'CA-000123',
  taxMode: 'per_service',
  taxRate: '0.1',
  lines: CONTRACT_LINES,
  services: [
    { service: 'server', subtotal: '8442', tax: '844', total: '9286' },
    { service: 'volume', subtotal: '1160', tax: '116', total: '1276' },
    { service: 'internet', subtotal: '125', tax: '12', total: '137' },
  ],
  subtotal: '9727',
  tax: '972',
  total: '10699',
  payment: { method: 'bank_transfer', dueDate: '2026-11-25', payerNameKana: '1000123 ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ' },
};

/** The same bill in per_invoice mode: tax = floor(9,727 × 0.1) = ¥972 once for the invoice (R-TAX-3). */
export const MONTHLY_STATEMENT_PER_INVOICE: MonthlyStatementData = {
  ...MONTHLY_STATEMENT,
  number: 'INV-2026-10-000124',
  taxMode: 'per_invoice',
  services: [
    { service: 'server', subtotal: '8442' },
    { service: 'volume', subtotal: '1160' },
    { service: 'internet', subtotal: '125' },
  ],
};

/** A statement with `count` one-hour server lines of ¥10 each: ¥10 × count before tax. */
export function longStatement(count: number, number = 'INV-2026-10-LONG'): MonthlyStatementData {
  const lines: MonthlyStatementLine[] = Array.from({ length: count }, (_, i) => ({
    service: 'server',
    resource: `vm-${String(i + 1).padStart(3, '0')}`,
    plan: 'vm.light.s1',
    quantity: '1',
    unit: 'hour',
    unitPrice: '10',
    amount: '10',
    capped: false,
  }));
  const subtotal = 10 * count;
  const tax = Math.floor(subtotal / 10);
  return {
    ...MONTHLY_STATEMENT,
    number,
    lines,
    services: [{ service: 'server', subtotal: String(subtotal), tax: String(tax), total: String(subtotal + tax) }],
    subtotal: String(subtotal),
    tax: String(tax),
    total: String(subtotal + tax),
  };
}
