import { afterEach, describe, expect, it } from 'vitest';
import { billingDates, datesForClose } from '../../core/billing';
import { billingMonth, formatDate, parseDate } from '../../core/time';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

const day = (text: string) => parseDate(text)!;
const shown = (d: { issueOn: unknown; dueOn: unknown }) => ({
  issueOn: formatDate(d.issueOn as never),
  dueOn: formatDate(d.dueOn as never),
});

describe('R-BILL-7 a month closed late', () => {
  const september = billingMonth(2026, 9);

  it('R-BILL-7 September closed on 2026-12-02: issued that day, due the 10th business day after (12-16)', () => {
    const bank = datesForClose(billingDates('bank_transfer', september), day('2026-12-02'));
    expect(shown(bank)).toEqual({ issueOn: '2026-12-02', dueOn: '2026-12-16' });
    expect(bank.late).toMatchObject({ daysLate: 50 });
    expect(formatDate(bank.late!.regularIssueOn)).toBe('2026-10-13');
    expect(formatDate(bank.late!.regularDueOn)).toBe('2026-10-26');
    const debit = datesForClose(billingDates('direct_debit', september), day('2026-12-02'));
    expect(shown(debit)).toEqual({ issueOn: '2026-12-02', dueOn: '2026-12-16' });
  });

  it('R-BILL-7 the 10th business day skips the holiday of 2026-11-23', () => {
    const october = billingMonth(2026, 10);
    const late = datesForClose(billingDates('bank_transfer', october), day('2026-11-12'));
    expect(shown(late)).toEqual({ issueOn: '2026-11-12', dueOn: '2026-11-27' });
    expect(late.late?.daysLate).toBe(2);
  });

  it('R-BILL-7 the due date is the later of the regular one and the 10th business day (equal: 11-26)', () => {
    const october = billingMonth(2026, 10);
    const debit = datesForClose(billingDates('direct_debit', october), day('2026-11-11'));
    expect(shown(debit)).toEqual({ issueOn: '2026-11-11', dueOn: '2026-11-26' });
  });

  it('R-BILL-7 closed on or before the issue date: the regular dates', () => {
    const october = billingMonth(2026, 10);
    for (const closedOn of ['2026-11-02', '2026-11-10']) {
      const dates = datesForClose(billingDates('bank_transfer', october), day(closedOn));
      expect(shown(dates)).toEqual({ issueOn: '2026-11-10', dueOn: '2026-11-25' });
      expect(dates.late).toBeNull();
    }
  });

  it('R-BILL-7 D-BILL-7a a card bill closed after the 1st is charged on the day of the close', () => {
    const card = datesForClose(billingDates('credit_card', september), day('2026-12-02'));
    expect(shown(card)).toEqual({ issueOn: '2026-12-02', dueOn: '2026-12-02' });
    const onTime = datesForClose(billingDates('credit_card', september), day('2026-10-01'));
    expect(shown(onTime)).toEqual({ issueOn: '2026-10-01', dueOn: '2026-10-01' });
  });
});

describe('R-BILL-7 through the close', () => {
  let o: BillingOffice | null = null;
  afterEach(async () => {
    await o?.close();
    o = null;
  });

  it('R-BILL-7 September closed on 2026-12-02 is issued 12-02, due 12-16, says it is 50 days late, and nobody is overdue', async () => {
    o = await billingOffice('2026-10-05T01:00:00.000Z');
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-09', [{ code }]));
    o.setNow('2026-12-02T10:00:00+09:00');
    const preview = await o.ok('billing.closePreview', { month: '2026-09' }, 'accounting');
    expect(preview).toEqual({
      month: '2026-09',
      state: 'open',
      bills: 1,
      total: '7480',
      late: { closedOn: '2026-12-02', regularIssueOn: '2026-10-13', daysLate: 50 },
    });
    const closed = await o.ok('billing.closeMonth', { month: '2026-09' }, 'accounting');
    expect(closed.late).toEqual({ closedOn: '2026-12-02', regularIssueOn: '2026-10-13', daysLate: 50 });
    expect(closed.message).toBe(
      '2026-09 closed: 1 bills; closed 50 day(s) late: statements issued 2026-12-02 instead of 2026-10-13, due dates moved (R-BILL-7)',
    );
    const [bill] = await o.ok('billing.listBills', { month: '2026-09' }, 'accounting');
    expect(bill).toMatchObject({
      paymentMethod: 'bank_transfer',
      issuedOn: '2026-12-01T15:00:00.000Z',
      dueOn: '2026-12-16',
    });
    await o.ok('dunning.runDaily', { date: '2026-12-02' }, 'accounting');
    expect(await o.scalar(`select status from cloud_accounts where code = '${code}'`)).toBe('active');
    o.setNow('2026-12-17T10:00:00+09:00');
    await o.ok('dunning.runDaily', {}, 'accounting');
    expect(await o.scalar(`select status from cloud_accounts where code = '${code}'`)).toBe('restricted');
    expect(await o.scalar(`select at from account_status_history where to_status = 'restricted'`)).toBe(
      '2026-12-16T15:00:00.000Z',
    );
  });
});
