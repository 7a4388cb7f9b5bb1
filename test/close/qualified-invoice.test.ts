import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SELLER } from '../../core/demo/demo-seller';
import { withoutRegistration, type SellerProfile } from '../../core/documents';
import { pdfText, savePdf } from '../documents/pdf-tools';
import { billingOffice, type BillingOffice } from './helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

const UNREGISTERED: SellerProfile = withoutRegistration(DEMO_SELLER);

/**
 * One account, three services: a monthly server at ¥15, a monthly IP address at ¥15, and a 100 GB volume from
 * 00:20 on the 1st (743 h 40 min of a 744-hour month: 74,366.666… GB-hours × ¥0.01 = ¥743.666…, floored ¥743).
 * per_service (R-TAX-2): 1 + 1 + 74 = ¥76 tax; per_invoice (R-TAX-3): floor(773 × 0.1) = ¥77.
 */
function usage(code: string, month = '2026-10'): string {
  return JSON.stringify({
    month,
    taxMode: 'per_service',
    taxRate: '0.10',
    plans: [
      { id: 'srv.flat', service: 'server', meter: 'none', charge: 'monthly', monthlyPrice: '15' },
      { id: 'ip.flat', service: 'ip', meter: 'none', charge: 'monthly', monthlyPrice: '15' },
      { id: 'vol.std', service: 'volume', meter: 'capacity', charge: 'metered', unitPrice: '0.01' },
    ],
    accounts: [
      {
        account: code,
        resources: [
          { id: 'srv-1', plan: 'srv.flat', events: [{ at: '2020-01-01T00:00:00+09:00', type: 'create' }] },
          { id: 'ip-1', plan: 'ip.flat', events: [{ at: '2020-01-01T00:00:00+09:00', type: 'create' }] },
          {
            id: 'vol-1',
            plan: 'vol.std',
            events: [{ at: `${month}-01T00:20:00+09:00`, type: 'create', sizeGB: 100 }],
          },
        ],
      },
    ],
  });
}

async function closedStatement(seller: SellerProfile | null, month = '2026-10'): Promise<string> {
  o = await billingOffice();
  if (seller) await o.ok('seller.set', { seller, effectiveFrom: '2026-11-02' }, 'admin');
  const code = await o.account(await o.member('corporation', '株式会社青空商事'));
  await o.importUsage(usage(code, month));
  await o.ok('billing.closeMonth', { month }, 'accounting');
  const number = String(await o.scalar("select number from documents where kind = 'statement'"));
  const { file } = await o.ok('billing.statementPdf', { statementNumber: number }, 'accounting');
  return pdfText(
    savePdf(`qualified-${month}-${seller?.registrationNumber ?? 'none'}.pdf`, Buffer.from(file.base64, 'base64')),
  );
}

describe('R-TAX-4: a registered seller issues qualified invoices', () => {
  it('R-TAX-4: a registered seller’s statement for 2026-10 rounds the tax once per rate (¥77 on ¥773), shows T1120001234567, though the file says per_service', async () => {
    const text = await closedStatement(DEMO_SELLER);
    expect(text).toContain('登録番号 T1120001234567');
    expect(text).toMatch(/10%対象 ¥773\s+消費税 ¥77/);
    expect(text).toMatch(/合計（税込）\s+¥850/);
    expect(text).toContain('請求書ごと・税率ごとに計算し、1円未満を切り捨て');
    expect(text).not.toContain('サーバー 消費税');
    expect(await o.scalar('select tax_mode from bills')).toBe('per_invoice');
    expect(Number(await o.scalar('select tax from bills'))).toBe(77);
    expect(Number(await o.scalar("select tax from documents where kind = 'statement'"))).toBe(77);
  });

  it('R-TAX-4: without a registration number the statement stays per_service (1 + 1 + 74 = ¥76) and shows no number', async () => {
    const text = await closedStatement(UNREGISTERED);
    expect(text).not.toContain('登録番号');
    expect(text).toMatch(/サーバー 消費税（10%）\s+¥1/);
    expect(text).toMatch(/ディスク 消費税（10%）\s+¥74/);
    expect(text).toMatch(/10%対象 ¥773\s+消費税 ¥76/);
    expect(await o.scalar('select tax_mode from bills')).toBe('per_service');
  });

  it('R-TAX-4, D-SELLER-1: with no seller set the statement names none, per_service, no number', async () => {
    const text = await closedStatement(null);
    expect(text).toContain('（販売者未設定）');
    expect(text).not.toContain('登録番号');
    expect(text).toMatch(/10%対象 ¥773\s+消費税 ¥76/);
  });

  it('R-TAX-4: months before 2023-10 keep the file’s per_service even for a registered seller; 2023-10 is per_invoice', async () => {
    o = await billingOffice();
    await o.rows(
      `insert into seller_settings (effective_from, content, created_at, created_by) values ('2023-01-01', '${JSON.stringify(DEMO_SELLER)}', '2023-01-01T00:00:00.000Z', null) returning id`,
    );
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usage(code, '2023-09'));
    await o.importUsage(usage(code, '2023-10'));
    await o.ok('billing.closeMonth', { month: '2023-09' }, 'accounting');
    await o.ok('billing.closeMonth', { month: '2023-10' }, 'accounting');
    const modes = await o.rows<{ month: string; tax_mode: string; tax: number }>(
      'select month, tax_mode, tax from bills order by month',
    );
    // 2023-09 has 720 hours: the volume runs 719 h 40 min = 71,966.66… GB-hours, ¥719; 2023-10 has 744.
    expect(modes.map((m) => [m.month, m.tax_mode, Number(m.tax)])).toEqual([
      ['2023-09', 'per_service', 1 + 1 + 71],
      ['2023-10', 'per_invoice', 77],
    ]);
    const [first] = await o.rows<{ number: string }>(
      "select d.number from documents d join bills b on b.id = d.bill_id where b.month = '2023-09'",
    );
    const { file } = await o.ok('billing.statementPdf', { statementNumber: first!.number }, 'accounting');
    const text = pdfText(savePdf('qualified-2023-09.pdf', Buffer.from(file.base64, 'base64')));
    expect(text).not.toContain('登録番号');
    expect(text).toContain('株式会社あおぞらクラウド');
  });
});

describe('statement lines (issue 15)', () => {
  it('D-DOC-1, D-DOC-2: unit prices per unit, quantities to the hundredth with ※1, fractional amounts to the sen with ※2 and footnotes', async () => {
    const text = await closedStatement(DEMO_SELLER);
    expect(text).toMatch(/srv\.flat（srv-1）\s+1\s*か月\s+¥15\/月\s+¥15/);
    expect(text).toMatch(/vol\.std（vol-1） ※1\s+74,366\.67 GB時間\s+¥0\.01\/GB時間\s+¥743\.66 ※2/);
    expect(text).not.toContain('74,366.666667');
    expect(text).toContain('※1 数量は単位ごとの桁');
    expect(text).toContain('※2 1円未満を含む金額は小数第2位未満を切り捨てて表示');
    expect(text).toMatch(/ディスク 小計\s+¥743/);
  });
});

describe('R-TAX-5: the seller is data an administrator sets, dated', () => {
  it('R-TAX-5: each statement shows the seller as set on its issue date', async () => {
    o = await billingOffice();
    await o.rows(
      `insert into seller_settings (effective_from, content, created_at, created_by) values ('2023-01-01', '${JSON.stringify({ ...UNREGISTERED, name: '株式会社旧社名クラウド' })}', '2023-01-01T00:00:00.000Z', null) returning id`,
    );
    await o.ok('seller.set', { seller: DEMO_SELLER, effectiveFrom: '2026-11-05' }, 'admin');
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usage(code, '2026-09'));
    await o.importUsage(usage(code, '2026-10'));
    await o.ok('billing.closeMonth', { month: '2026-09' }, 'accounting');
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const rows = await o.rows<{ number: string; month: string }>(
      'select d.number, b.month from documents d join bills b on b.id = d.bill_id order by b.month',
    );
    const texts = await Promise.all(
      rows.map(async (r) => {
        const { file } = await o.ok('billing.statementPdf', { statementNumber: r.number }, 'accounting');
        return pdfText(savePdf(`seller-${r.month}.pdf`, Buffer.from(file.base64, 'base64')));
      }),
    );
    // 2026-09 is issued on 2026-10-13 (the 10th a Saturday, the 12th Sports Day): the old name, no number.
    expect(texts[0]).toContain('株式会社旧社名クラウド');
    expect(texts[0]).not.toContain('登録番号');
    // 2026-10 is issued on 2026-11-10, after the new seller's 2026-11-05.
    expect(texts[1]).toContain('株式会社あおぞらクラウド');
    expect(texts[1]).toContain('登録番号 T1120001234567');
    const seller = await o.ok('seller.get', { date: '2026-11-04' }, 'sales');
    expect(seller.seller.name).toBe('株式会社旧社名クラウド');
    expect(seller.history.map((h) => h.effectiveFrom)).toEqual(['2026-11-05', '2023-01-01']);
  });

  it('R-TAX-4, R-TAX-5: a bad check digit, a past date or a non-admin is refused and nothing is written', async () => {
    o = await billingOffice();
    const refused = async (input: unknown, as: string) => {
      const result = await o.office.call('seller.set', input, as);
      expect(result.ok).toBe(false);
      return result.ok ? [] : (result.problems ?? []).map((p) => p.code);
    };
    // T1234567890123: 9 − (72 mod 9) = 9, not 1.
    expect(
      await refused(
        { seller: { ...DEMO_SELLER, registrationNumber: 'T1234567890123' }, effectiveFrom: '2026-11-02' },
        'admin',
      ),
    ).toEqual(['seller.registration_number_check_digit']);
    expect(await refused({ seller: DEMO_SELLER, effectiveFrom: '2026-11-01' }, 'admin')).toEqual([
      'seller.effective_in_past',
    ]);
    await refused({ seller: DEMO_SELLER, effectiveFrom: '2026-11-02' }, 'accounting');
    expect(await o.count('seller_settings')).toBe(0);
  });
});

describe('R-TAX-4: credit notes are qualified return invoices', () => {
  it('R-TAX-4: 適格返還請求書 with the registration number, its date, the original statement, ¥100 returned and ¥10 tax at 10%', async () => {
    await closedStatement(DEMO_SELLER);
    o.setNow('2026-11-20T01:00:00.000Z');
    const note = await o.ok(
      'billing.issueCreditNote',
      { statementNumber: 'BIL-2026-000001', amount: '100', reason: '障害による値引き' },
      'accounting',
    );
    expect(note).toMatchObject({ creditNoteNumber: 'CRN-2026-000001', subtotal: '100', tax: '10', total: '110' });
    const { file } = await o.ok('billing.creditNotePdf', { creditNoteNumber: 'CRN-2026-000001' }, 'accounting');
    const text = pdfText(savePdf('credit-note.pdf', Buffer.from(file.base64, 'base64')));
    expect(text).toContain('適格返還請求書');
    expect(text).toContain('登録番号 T1120001234567');
    expect(text).toMatch(/発行日\s+2026年11月20日/);
    expect(text).toMatch(/元の請求書\s+BIL-2026-000001/);
    expect(text).toMatch(/元の発行日\s+2026年11月10日/);
    expect(text).toMatch(/10%対象 ¥100\s+消費税 ¥10/);
    expect(text).toMatch(/返還金額\s+¥110-/);
    expect(Number(await o.scalar("select total from documents where kind = 'credit_note'"))).toBe(110);
  });
});
