import type { MonthlyStatementData } from '../../core/documents';
import { CUSTOMER, MONTHLY_STATEMENT, MONTHLY_STATEMENT_PER_INVOICE, longStatement } from './fixtures';

/**
 * Statements that differ in the glyphs they use (names in rare kanji, accented Latin, a character outside the
 * BMP, full-width figures), in their pages (a long one) and in their payment: a font cache shared across
 * documents must give each of them the bytes it had when every document made its own font subset.
 */
export const STATEMENT_BATCH: MonthlyStatementData[] = [
  MONTHLY_STATEMENT,
  {
    ...MONTHLY_STATEMENT_PER_INVOICE,
    addressee: {
      kind: 'individual',
      name: 'Renée Åström-Müller',
      postalCode: '150-0002',
      address: '東京都渋谷区渋谷2丁目21番1号',
    },
    payment: { method: 'credit_card', cardLabel: 'VISA ****4242' },
  },
  longStatement(60, 'INV-2026-10-000125'),
  {
    ...MONTHLY_STATEMENT,
    number: 'INV-2026-10-000126',
    addressee: {
      kind: 'corporation',
      name: '髙﨑𠮷野屋合同会社',
      department: '經理部 鬱金香課',
      contactName: '齋藤 龍之介',
      postalCode: '980-0811',
      address: '宮城県仙台市青葉区一番町４丁目７－１７ 鸚鵡ビル３Ｆ',
    },
    lines: [
      {
        service: 'volume',
        resource: 'vol-ß',
        plan: 'volume.std',
        quantity: '1234.56789',
        unit: 'GB-hour',
        unitPrice: '0.0125',
        amount: '15.4320986',
        capped: false,
      },
    ],
    services: [{ service: 'volume', subtotal: '15', tax: '1', total: '16' }],
    subtotal: '15',
    tax: '1',
    total: '16',
    prepaidApplied: '16',
    payment: { method: 'direct_debit', debitDate: '2026-11-27' },
    notes: ['①②③ 繰越のお知らせ：前月分 ¥0 — ご確認ください。'],
  },
  { ...MONTHLY_STATEMENT, number: 'INV-2026-10-000127', addressee: { ...CUSTOMER, name: '株式会社山田商事 大阪支店' } },
  longStatement(3, 'INV-2026-10-000128'),
];
