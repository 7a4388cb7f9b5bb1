import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { paidState } from '../../core/payments/settled';

describe('a bill’s paid state on the lists (core/payments/settled.ts)', () => {
  it('R-PRE-9: a bill the prepaid balance covered whole asks nothing; otherwise unpaid, part paid or paid', () => {
    expect(paidState(new Dec(0), new Dec(0))).toBe('nothing_due');
    expect(paidState(new Dec(7480), new Dec(0))).toBe('unpaid');
    expect(paidState(new Dec(7480), new Dec(7000))).toBe('part_paid');
    expect(paidState(new Dec(7480), new Dec(7480))).toBe('paid');
    expect(paidState(new Dec(7480), new Dec(8000))).toBe('paid');
  });
});
