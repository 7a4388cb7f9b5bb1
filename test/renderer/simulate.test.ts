import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { simulate } from '../../renderer/screens/estimates/simulate';

describe('the estimate screen’s cost simulator (core/rating run as the renderer runs it)', () => {
  it('R-RATE-1, R-RATE-5, R-TAX-2, R-PRE-9: s4 VM 720 h, 100 GB volume, 12.5 GB transfer → ¥8,497 a month; ¥30,000 covers 3 months, ¥4,509 left', () => {
    const { bill, monthsCovered, remainder } = simulate(
      [
        { plan: 'vm.standard.s4', count: '1', hours: '720', gb: '' },
        { plan: 'volume.std', count: '1', hours: '720', gb: '100' },
        { plan: 'internet.metered', count: '1', hours: '', gb: '12.5' },
      ],
      '30000',
    );
    // 720 h × 10.5 = 7,560 capped at 6,800; 100 GB × 720 h × 0.0125 = 900 capped at 8 × 100 = 800; 12.5 GB × 10 = 125.
    expect(bill.services.map((s) => [s.service, s.subtotal, s.tax, s.total])).toEqual([
      ['server', '6800', '680', '7480'],
      ['volume', '800', '80', '880'],
      ['internet', '125', '12', '137'],
    ]);
    expect([bill.subtotal, bill.tax, bill.total]).toEqual(['7725', '772', '8497']);
    expect([monthsCovered, remainder]).toEqual(['3', '4509']);
  });

  it('R-RATE-2: two Light s1 VMs for 100 h each are 2 × 350 = ¥700 before tax, never rounded up; ¥10,000 covers 12 months', () => {
    const { bill, monthsCovered, remainder } = simulate(
      [{ plan: 'vm.light.s1', count: '2', hours: '100', gb: '' }],
      '10000',
    );
    expect([bill.subtotal, bill.tax, bill.total]).toEqual(['700', '70', '770']);
    expect([monthsCovered, remainder]).toEqual(['12', '760']);
  });

  it('R-PRE-9: months covered × the monthly total + what is left is the prepaid amount, and what is left is less than a month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 720 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 10_000, max: 2_000_000 }),
        (hours, count, prepaid) => {
          const s = simulate(
            [{ plan: 'vm.highcpu.m8', count: String(count), hours: String(hours), gb: '' }],
            String(prepaid),
          );
          const total = new Dec(s.bill.total);
          expect(new Dec(s.monthsCovered!).times(total).plus(s.remainder!).equals(prepaid)).toBe(true);
          expect(new Dec(s.remainder!).lessThan(total)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
