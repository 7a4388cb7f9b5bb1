import { describe, expect, it } from 'vitest';
import { DEMO_SELLER } from '../../core/demo/demo-seller';
import { withoutRegistration } from '../../core/documents';
import { priceQuote, type Quote } from '../../core/prepaid/quote';
import { defaultCatalog } from '../../core/rating';
import { prepaidOffice, YAMADA } from './office';

/**
 * Per month (720 hours): 2 × vm.standard.s4 capped at ¥6,800 = ¥13,600; vm.light.s1 10 h × ¥3.5 = ¥35; 100 GB
 * volume.std 72,000 GB-hours × ¥0.0125 = ¥900, capped at ¥800; 1.5 GB out × ¥10 = ¥15. Subtotal ¥14,450.
 */
const QUOTE: Quote = {
  months: 12,
  lines: [
    { plan: 'vm.standard.s4', count: '2', hours: '720', gb: '' },
    { plan: 'vm.light.s1', count: '1', hours: '10', gb: '' },
    { plan: 'volume.std', count: '1', hours: '720', gb: '100' },
    { plan: 'internet.metered', count: '1', hours: '', gb: '1.5' },
  ],
};

describe('quotes (D-PRE-L)', () => {
  it('R-TAX-4: a registered seller’s quote taxes once per rate: ¥14,450 + ¥1,445 a month, ¥173,400 + ¥17,340 for 12 months', () => {
    const q = priceQuote(QUOTE, defaultCatalog(), true);
    expect(q.taxMode).toBe('per_invoice');
    expect(q.lines.map((l) => l.monthly)).toEqual(['13600', '35', '800', '15']);
    expect(q.services).toEqual([
      { service: 'server', monthly: '13635' },
      { service: 'volume', monthly: '800' },
      { service: 'internet', monthly: '15' },
    ]);
    expect(q.monthly).toEqual({ subtotal: '14450', tax: '1445', total: '15895' });
    expect(q.period).toEqual({ subtotal: '173400', tax: '17340', total: '190740' });
  });

  it('R-TAX-2: an unregistered seller’s quote taxes per service: 1,363 + 80 + 1 = ¥1,444 a month', () => {
    const q = priceQuote(QUOTE, defaultCatalog(), false);
    expect(q.taxMode).toBe('per_service');
    expect(q.monthly).toEqual({ subtotal: '14450', tax: '1444', total: '15894' });
  });

  it('D-PRE-L: a sales rep drafts, prices and issues a quote (PDF with its lines), then turns it into a prepaid estimate of ¥190,740 in one step', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      await t.ok('seller.set', { seller: DEMO_SELLER, effectiveFrom: '2026-03-02' }, 'admin');
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const priced = await t.ok('estimates.priceQuote', QUOTE, 'sales');
      expect(priced.period.total).toBe('190740');
      const quote = await t.ok(
        'estimates.draft',
        { memberNumber: m.memberNumber, subject: 'クラウド構成のお見積り', validDays: 30, notes: [], quote: QUOTE },
        'sales',
      );
      expect(quote).toMatchObject({ amount: '190740', repName: 'sales', quote: QUOTE });
      const ref = { estimateNumber: quote.estimateNumber };
      await t.ok('estimates.issue', ref, 'sales');
      const text = t.pdfText((await t.ok('estimates.pdf', ref, 'sales')).file.base64, 'quote');
      expect(text).toMatch(/御見積金額\s+¥190,740-/);
      expect(text).toMatch(/サーバー ご利用料金（月額）\s+12\s*か月\s+¥13,635\s+¥163,620/);
      expect(text).toMatch(/10%対象 ¥173,400\s+消費税 ¥17,340/);
      expect(text).toContain('vm.standard.s4 × 2（720時間/月）：月額 ¥13,600（税抜）');
      expect(text).toContain('月額：小計 ¥14,450／消費税 ¥1,445／合計 ¥15,895（税込）');
      expect(text).toContain('登録番号 T1120001234567');
      expect(Number(await t.scalar("select tax from documents where kind = 'estimate'"))).toBe(17340);

      const refused = await t.office.call('prepaid.issueStatement', ref, 'sales');
      expect(refused.ok ? [] : refused.problems?.map((p) => p.code)).toEqual(['estimate.is_quote']);

      const prepaid = await t.ok('estimates.toPrepaid', ref, 'sales');
      expect(prepaid).toMatchObject({
        estimateNumber: 'EST-2026-000002',
        amount: '190740',
        status: 'draft',
        quote: null,
      });
    } finally {
      await t.close();
    }
  });

  it('R-TAX-5: an unregistered seller’s quote is priced per service', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      await t.ok('seller.set', { seller: withoutRegistration(DEMO_SELLER), effectiveFrom: '2026-03-02' }, 'admin');
      const priced = await t.ok('estimates.priceQuote', QUOTE, 'sales');
      expect(priced.monthly.tax).toBe('1444');
    } finally {
      await t.close();
    }
  });
});
