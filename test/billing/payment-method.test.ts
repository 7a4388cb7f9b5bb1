import { describe, expect, it } from 'vitest';
import {
  billingDates,
  firstBillingMonthForChange,
  paymentMethodForMonth,
  paymentMethodProblems,
} from '../../core/billing';
import { parseMonth } from '../../core/time';
import { d, iso } from '../time/date-helper';

describe('payment method changes', () => {
  it("R-BILL-5: to credit card: from the bill of the month after (翌月以降の請求), the next month's usage: authorised 2026-04-15, May's usage is charged on 2026-06-01", () => {
    const first = firstBillingMonthForChange('credit_card', d('2026-04-15'));
    expect(first.key).toBe('2026-05');
    expect(iso(billingDates('credit_card', first).dueOn)).toBe('2026-06-01');
    expect(firstBillingMonthForChange('credit_card', d('2026-04-30')).key).toBe('2026-05');
    expect(firstBillingMonthForChange('credit_card', d('2026-04-01')).key).toBe('2026-05');
  });

  it("R-BILL-5: to bank transfer: from the bill of the next month's usage (翌月以降の請求): a form received 2026-04-30 gets May's statement, issued 2026-06-10", () => {
    const first = firstBillingMonthForChange('bank_transfer', d('2026-04-30'));
    expect(first.key).toBe('2026-05');
    expect(iso(billingDates('bank_transfer', first).issueOn)).toBe('2026-06-10');
    expect(firstBillingMonthForChange('bank_transfer', d('2026-12-31')).key).toBe('2027-01');
  });

  it("R-BILL-5: to direct debit: a form received by the 20th pays the next month's bill, after the 20th one month later", () => {
    const byThe20th = firstBillingMonthForChange('direct_debit', d('2026-04-20'));
    expect(byThe20th.key).toBe('2026-05');
    expect(iso(billingDates('direct_debit', byThe20th).dueOn)).toBe('2026-06-26');
    const after = firstBillingMonthForChange('direct_debit', d('2026-04-21'));
    expect(after.key).toBe('2026-06');
    expect(iso(billingDates('direct_debit', after).dueOn)).toBe('2026-07-27');
    expect(firstBillingMonthForChange('direct_debit', d('2026-12-21')).key).toBe('2027-02');
  });
});

describe('payment method per billing month', () => {
  const changes = [
    { to: 'direct_debit' as const, receivedOn: d('2026-03-25') }, // after the 20th: from May 2026
    { to: 'credit_card' as const, receivedOn: d('2026-04-03') }, // from May 2026 too, received later: wins
    { to: 'bank_transfer' as const, receivedOn: d('2026-07-20') }, // from August 2026
  ];

  it('R-BILL-5: each month is paid by the latest change in force for it', () => {
    const methodOf = (month: string) => paymentMethodForMonth('bank_transfer', changes, parseMonth(month));
    expect(methodOf('2026-03')).toBe('bank_transfer');
    expect(methodOf('2026-04')).toBe('bank_transfer');
    expect(methodOf('2026-05')).toBe('credit_card');
    expect(methodOf('2026-07')).toBe('credit_card');
    expect(methodOf('2026-08')).toBe('bank_transfer');
    expect(paymentMethodForMonth('credit_card', [], parseMonth('2026-08'))).toBe('credit_card');
  });

  it('R-BILL-5: a direct-debit form received on the 21st leaves the next month on the old method', () => {
    const late = [{ to: 'direct_debit' as const, receivedOn: d('2026-06-21') }];
    expect(paymentMethodForMonth('credit_card', late, parseMonth('2026-07'))).toBe('credit_card');
    expect(paymentMethodForMonth('credit_card', late, parseMonth('2026-08'))).toBe('direct_debit');
  });
});

describe('who may use which payment method', () => {
  it('R-PARTY-3: an individual pays by credit card only', () => {
    expect(paymentMethodProblems('individual', 'credit_card')).toEqual([]);
    for (const method of ['bank_transfer', 'direct_debit', 'prepaid']) {
      expect(paymentMethodProblems('individual', method, 'account.paymentMethod')).toEqual([
        {
          path: 'account.paymentMethod',
          code: 'payment_method.corporations_only',
          params: { method },
          message: `${method} is for corporations only; an individual pays by credit_card (R-PARTY-3)`,
        },
      ]);
    }
  });

  it('R-PARTY-3: a corporation may use any method; an unknown method is a problem naming the field', () => {
    for (const method of ['credit_card', 'bank_transfer', 'direct_debit', 'prepaid']) {
      expect(paymentMethodProblems('corporation', method)).toEqual([]);
    }
    expect(paymentMethodProblems('corporation', 'cash')).toEqual([
      {
        path: 'paymentMethod',
        code: 'value.not_one_of',
        params: { options: 'credit_card, bank_transfer, direct_debit, prepaid' },
        message: 'not a payment method; one of credit_card, bank_transfer, direct_debit, prepaid',
      },
    ]);
  });
});
