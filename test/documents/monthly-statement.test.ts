import { beforeAll, describe, expect, it } from 'vitest';
import { renderMonthlyStatement, type MonthlyStatementLine } from '../../core/documents';
import { MONTHLY_STATEMENT, MONTHLY_STATEMENT_PER_INVOICE, SELLER, longStatement } from './fixtures';
import { problemsOf } from './input-problems';
import { pageCount, pageText, pdfText, savePdf } from './pdf-tools';

describe('請求書 for a month (qualified invoice)', () => {
  let text = '';
  beforeAll(async () => {
    text = pdfText(savePdf('monthly-statement.pdf', await renderMonthlyStatement(MONTHLY_STATEMENT, SELLER)));
  });

  it('R-BILL-1: the statement covers the 1st to the last day of the month, due by the date billing set', () => {
    expect(text).toMatch(/請求対象期間\s+2026年10月1日〜10月31日/);
    expect(text).toMatch(/クラウドアカウント\s+CA-000123/);
    expect(text).toMatch(/お支払期限\s+2026年11月25日/);
    expect(text).toMatch(/ご請求金額\s+¥10,699-\s*（税込）/);
  });

  it('R-RATE-9: lines are grouped by service in billing order with each service subtotal', () => {
    const server = text.indexOf('サーバー');
    const volume = text.indexOf('ディスク');
    const internet = text.indexOf('インターネット接続');
    expect(server).toBeGreaterThan(0);
    expect(volume).toBeGreaterThan(server);
    expect(internet).toBeGreaterThan(volume);
    expect(text).toMatch(/vm\.standard\.s4（vm-1）\s+444\s*時間\s+¥10\.5\/時間\s+¥4,662/);
    expect(text).toMatch(/volume\.std（vol-1） ※月額上限適用\s+103,200\s*GB時間\s+¥0\.0125\/GB時間\s+¥1,160/);
    expect(text).toMatch(/サーバー 小計\s+¥8,442/);
  });

  it('R-TAX-2: per_service mode shows each service tax (844 + 116 + 12 = ¥972)', () => {
    expect(text).toMatch(/サーバー 消費税（10%）\s+¥844/);
    expect(text).toMatch(/ディスク 消費税（10%）\s+¥116/);
    expect(text).toMatch(/インターネット接続 消費税（10%）\s+¥12/);
    expect(text).toMatch(/合計（税込）\s+¥10,699/);
    expect(text).toContain('サービスごとに税込金額を計算し、1円未満を切り捨て');
  });

  it('R-TAX-4: a per_service statement is no qualified invoice: the rate, the taxable total and the tax, no registration number', () => {
    expect(text).not.toContain('登録番号');
    expect(text).toMatch(/10%対象 ¥9,727\s+消費税 ¥972/);
  });

  it('R-TAX-3: per_invoice mode shows one tax for the invoice and no tax per service', async () => {
    const t = pdfText(
      savePdf('monthly-statement-per-invoice.pdf', await renderMonthlyStatement(MONTHLY_STATEMENT_PER_INVOICE, SELLER)),
    );
    expect(t).not.toContain('サーバー 消費税');
    expect(t).toContain('登録番号 T1120001234567');
    expect(t).toMatch(/10%対象 ¥9,727\s+消費税 ¥972/);
    expect(t).toContain('請求書ごと・税率ごとに計算し、1円未満を切り捨て');
    expect(
      problemsOf(() =>
        renderMonthlyStatement({ ...MONTHLY_STATEMENT_PER_INVOICE, services: MONTHLY_STATEMENT.services }, SELLER),
      ),
    ).toContain('services[0].tax: per_invoice mode has one tax per invoice and rate, not per service (R-TAX-3)');
  });

  it('R-PRE-9: the prepaid balance offsets the tax-included total; the rest is billed (10,699 − 8,000 = ¥2,699)', async () => {
    const t = pdfText(
      savePdf(
        'monthly-statement-prepaid.pdf',
        await renderMonthlyStatement({ ...MONTHLY_STATEMENT, prepaidApplied: '8000' }, SELLER),
      ),
    );
    expect(t).toMatch(/合計（税込）\s+¥10,699/);
    expect(t).toMatch(/プリペイド充当\s+-¥8,000/);
    expect(t).toMatch(/ご請求金額\s+¥2,699-/);
    expect(problemsOf(() => renderMonthlyStatement({ ...MONTHLY_STATEMENT, prepaidApplied: '10700' }, SELLER))).toEqual(
      ['prepaidApplied: more than the tax-included total (R-PRE-9)'],
    );
  });

  it('R-RATE-8, D-DOC-1, D-DOC-2: a thirds line prints 0.33 時間 ※1 and ¥2.33 ※2, footnoted; the service subtotal is whole yen', async () => {
    const thirds = {
      ...MONTHLY_STATEMENT,
      lines: [0, 1, 2].map((i) => ({
        service: 'server' as const,
        resource: `vm-${i}`,
        plan: 'vm.light.s1',
        quantity: '0.333333',
        unit: 'hour' as const,
        amount: '2.333333',
        capped: false,
      })),
      services: [{ service: 'server' as const, subtotal: '7', tax: '0', total: '7' }],
      subtotal: '7',
      tax: '0',
      total: '7',
    };
    const t = pdfText(savePdf('monthly-statement-thirds.pdf', await renderMonthlyStatement(thirds, SELLER)));
    expect(t.match(/ ※1\s+0\.33\s*時間\s+—\s+¥2\.33 ※2/g)).toHaveLength(3);
    expect(t).not.toContain('0.333333');
    expect(t).toContain('※1 数量は単位ごとの桁');
    expect(t).toContain('※2 1円未満を含む金額は小数第2位未満を切り捨てて表示');
    expect(t).toMatch(/サーバー 小計\s+¥7/);
  });

  it('R-BILL-4: direct debit shows the debit date instead of a bank to pay into', async () => {
    const t = pdfText(
      savePdf(
        'monthly-statement-debit.pdf',
        await renderMonthlyStatement(
          { ...MONTHLY_STATEMENT, payment: { method: 'direct_debit', debitDate: '2026-11-26' } },
          SELLER,
        ),
      ),
    );
    expect(t).toMatch(/口座振替日\s+2026年11月26日/);
    expect(t).not.toContain('振込依頼人名');
  });

  it('breaks a long item list over pages, repeating the document and table headers', async () => {
    const path = savePdf('monthly-statement-long.pdf', await renderMonthlyStatement(longStatement(120), SELLER));
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    let continued = 0;
    for (let p = 2; p <= pages; p++) {
      const t = pageText(path, p);
      expect(t).toContain('請求書（続き）');
      expect(t).toContain('INV-2026-10-LONG');
      expect(t).toContain(`${p} / ${pages}`);
      if (t.includes('vm.light.s1')) {
        continued++;
        expect(t).toMatch(/品目\s+数量\s+単価\s+金額/);
      }
    }
    expect(continued).toBeGreaterThanOrEqual(2);
    const all = pdfText(path);
    for (const n of [1, 60, 120]) expect(all).toContain(`vm.light.s1（vm-${String(n).padStart(3, '0')}）`);
    expect(all).toMatch(/10%対象 ¥1,200\s+消費税 ¥120/);
  });

  it('refuses whole-yen figures that do not add up and lines without a service entry', () => {
    const problems = problemsOf(() =>
      renderMonthlyStatement(
        {
          ...MONTHLY_STATEMENT,
          subtotal: '9728',
          lines: [...MONTHLY_STATEMENT.lines, { ...MONTHLY_STATEMENT.lines[0]!, service: 'ip' }],
        },
        SELLER,
      ),
    );
    expect(problems).toEqual([
      'subtotal: ¥9,728 but the services sum to ¥9,727',
      'total: ¥10,699 but subtotal + tax is ¥10,700',
      'lines[4].service: no entry in services for this line',
    ]);
    const nullLine = {
      ...MONTHLY_STATEMENT,
      lines: [...MONTHLY_STATEMENT.lines, null as unknown as MonthlyStatementLine],
    };
    expect(problemsOf(() => renderMonthlyStatement(nullLine, SELLER))).toEqual(['lines[4]: not a bill line']);
  });
});
