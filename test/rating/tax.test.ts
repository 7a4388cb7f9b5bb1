import { describe, expect, it } from 'vitest';
import { billToJson, defaultCatalog, rateUsage } from '../../core/rating';
import { jst, onlyAccount, problemsOf, rate, usageOf, type Res } from './helpers';

/** ¥70 of server (10 h × ¥7). */
const seventyYen: Res = {
  id: 'vm-1',
  plan: 'vm.plain',
  events: [
    { at: jst('2026-10-05T00:00:00'), type: 'create' },
    { at: jst('2026-10-05T10:00:00'), type: 'delete' },
  ],
};

/** ¥15 of server and ¥15 of network: per service 1 + 1 yen of tax, per invoice 3 yen. */
function fifteenAndFifteen(taxMode?: string): Record<string, unknown> {
  const hour = [
    { at: jst('2026-10-05T00:00:00'), type: 'create' },
    { at: jst('2026-10-05T01:00:00'), type: 'delete' },
  ];
  return {
    month: '2026-10',
    ...(taxMode ? { taxMode } : {}),
    plans: [
      { id: 'vm.15', service: 'server', meter: 'running', charge: 'metered', unitPrice: '15' },
      { id: 'net.15', service: 'network', meter: 'lifetime', charge: 'metered', unitPrice: '15' },
    ],
    accounts: [
      {
        account: 'CA-1',
        resources: [
          { id: 'vm', plan: 'vm.15', events: hour },
          { id: 'net', plan: 'net.15', events: hour },
        ],
      },
    ],
  };
}

describe('consumption tax (DOMAIN.md R-TAX-*)', () => {
  it('R-TAX-1: without taxRate the dated table decides: 10% from 2019-10, 8% before (¥70 → tax ¥7 / ¥5)', () => {
    const october2026 = rate(usageOf([seventyYen]));
    expect(october2026.taxRate).toBe('0.1');
    expect(onlyAccount(october2026)).toMatchObject({ subtotal: '70', tax: '7', total: '77' });
    const september2019 = rate(
      usageOf(
        [{ ...seventyYen, events: seventyYen.events.map((e) => ({ ...e, at: e.at.replace('2026-10', '2019-09') })) }],
        { month: '2019-09' },
      ),
    );
    expect(september2019.taxRate).toBe('0.08');
    // 70 × 1.08 = 75.6 → 75
    expect(onlyAccount(september2019)).toMatchObject({ subtotal: '70', tax: '5', total: '75' });
    expect(rate(usageOf([], { month: '2019-10' })).taxRate).toBe('0.1');
  });

  it('R-TAX-1: a taxRate in the file wins over the table', () => {
    const bill = rate(usageOf([seventyYen], { taxRate: '0.08' }));
    expect(bill.taxRate).toBe('0.08');
    expect(onlyAccount(bill)).toMatchObject({ tax: '5', total: '75' });
  });

  it('R-TAX-1: a configured rate change applies from its effective month', () => {
    const taxRates = [
      { from: '2019-10', rate: '0.10' },
      { from: '2027-04', rate: '0.12' },
    ];
    expect(rateUsage(usageOf([], { month: '2027-03' }), defaultCatalog(), { taxRates }).taxRate).toBe('0.1');
    expect(rateUsage(usageOf([], { month: '2027-04' }), defaultCatalog(), { taxRates }).taxRate).toBe('0.12');
  });

  it('R-TAX-1: a month before any known rate needs a taxRate in the file', () => {
    expect(problemsOf(usageOf([], { month: '1988-01' }))).toEqual([
      'taxRate: no consumption tax rate is known for 1988-01; give taxRate',
    ]);
  });

  it("R-TAX-2: per_service floors each service's tax-included amount: ¥15 + ¥15 → tax ¥1 + ¥1, total ¥32", () => {
    const bill = rate(fifteenAndFifteen());
    expect(bill.taxMode).toBe('per_service');
    expect(onlyAccount(bill)).toMatchObject({
      services: [
        { service: 'server', subtotal: '15', tax: '1', total: '16' },
        { service: 'network', subtotal: '15', tax: '1', total: '16' },
      ],
      subtotal: '30',
      tax: '2',
      total: '32',
    });
  });

  it('R-TAX-3: per_invoice takes the tax once on the sum: ¥30 → tax ¥3, total ¥33; services show no tax', () => {
    const bill = rate(fifteenAndFifteen('per_invoice'));
    expect(bill.taxMode).toBe('per_invoice');
    const account = onlyAccount(bill);
    expect(account).toMatchObject({ subtotal: '30', tax: '3', total: '33' });
    expect(account.services.map((s) => Object.keys(s))).toEqual([
      ['service', 'subtotal'],
      ['service', 'subtotal'],
    ]);
    expect(billToJson(bill)).not.toMatch(/"services": \[[^\]]*"tax"/);
  });
});
