import { afterEach, describe, expect, it } from 'vitest';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

/** A corporation paying by bank transfer, billed ¥7,480 for November 2026: issued 12-10, due Friday 2026-12-25. */
async function novemberBill(): Promise<{ account: string; statementNumber: string }> {
  o = await billingOffice('2026-11-01T00:00:00.000Z');
  const account = await o.account(await o.member('corporation'));
  await o.ok('payments.registerMethod', { account, method: 'bank_transfer', receivedOn: '2026-10-01' }, 'accounting');
  o.setNow('2026-12-01T01:00:00.000Z');
  await o.importUsage(usageFile('2026-11', [{ code: account }]));
  await o.ok('billing.closeMonth', { month: '2026-11' }, 'accounting');
  const [bill] = await o.ok<{ statementNumber: string; amountDue: string }[]>(
    'billing.listBills',
    { month: '2026-11' },
    'accounting',
  );
  expect(bill!.amountDue).toBe('7480');
  return { account, statementNumber: bill!.statementNumber };
}

async function runDaily(date: string, now: string): Promise<void> {
  o.setNow(now);
  await o.ok('dunning.runDaily', { date }, 'accounting');
}

const history = (account: string) =>
  o.rows<{ from_status: string | null; to_status: string; cause: string; at: string }>(
    `select from_status, to_status, cause, at from account_status_history h join cloud_accounts a on a.id = h.cloud_account_id where a.code = '${account}' and from_status is not null order by h.id`,
  );

describe('R-ACC-2: value dates', () => {
  it('R-ACC-2: a ¥7,480 transfer made on Friday 2026-12-25 (the due date) and recorded on Monday 12-28 undoes the restriction of Saturday 00:00 with new history entries', async () => {
    const { account, statementNumber } = await novemberBill();
    await runDaily('2026-12-26', '2026-12-25T15:30:00.000Z');
    await runDaily('2026-12-28', '2026-12-27T15:30:00.000Z');
    expect((await o.ok<{ status: string }>('cloudAccounts.get', { code: account }, 'accounting')).status).toBe(
      'restricted',
    );
    o.setNow('2026-12-28T01:00:00.000Z'); // Monday 10:00 JST
    const paid = await o.ok<{ outstanding: string; transitions: { from: string; to: string; rule: string }[] }>(
      'payments.recordBankReceipt',
      { statementNumber, amount: '7480', valueDate: '2026-12-25' },
      'accounting',
    );
    expect(paid.outstanding).toBe('0');
    expect(paid.transitions).toEqual([
      expect.objectContaining({ from: 'restricted', to: 'active', rule: 'R-ACC-2', at: '2026-12-28T01:00:00.000Z' }),
    ]);
    // The history keeps what happened and says why it was undone.
    expect(await history(account)).toEqual([
      expect.objectContaining({ from_status: 'active', to_status: 'restricted', at: '2026-12-25T15:00:00.000Z' }),
      {
        from_status: 'restricted',
        to_status: 'active',
        cause: 'R-ACC-2 payment made in time (by its value date) was recorded late: restriction undone',
        at: '2026-12-28T01:00:00.000Z',
      },
    ]);
    expect(await o.rows(`select topic from outbox where channel = 'platform' order by id`)).toEqual([
      { topic: 'restrict' },
      { topic: 'lift' },
    ]);
    expect(await o.scalar('select value_date from payments')).toBe('2026-12-25');
    expect(await o.scalar(`select value_date from ledger_transactions where kind = 'payment'`)).toBe('2026-12-25');
    // A month later the paid bill suspends nothing.
    await runDaily('2027-01-26', '2027-01-25T15:30:00.000Z');
    expect(await history(account)).toHaveLength(2);
  });

  it('R-ACC-2: the same transfer with its value date recorded before the daily run of Saturday restricts nothing', async () => {
    const { account, statementNumber } = await novemberBill();
    o.setNow('2026-12-25T14:00:00.000Z'); // Friday 23:00 JST
    await o.ok(
      'payments.recordBankReceipt',
      { statementNumber, amount: '7480', valueDate: '2026-12-25' },
      'accounting',
    );
    await runDaily('2026-12-28', '2026-12-27T15:30:00.000Z');
    expect(await history(account)).toEqual([]);
  });

  it('R-ACC-2: a value date after today is refused, nothing written', async () => {
    const { statementNumber } = await novemberBill();
    o.setNow('2026-12-20T01:00:00.000Z');
    const r = await o.office.call(
      'payments.recordBankReceipt',
      { statementNumber, amount: '7480', valueDate: '2026-12-21' },
      'accounting',
    );
    expect(r).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'valueDate',
          code: 'payment.value_date_future',
          params: { valueDate: '2026-12-21', today: '2026-12-20' },
        },
      ],
    });
    expect(await o.count('payments')).toBe(0);
  });

  it('R-ACC-2: a direct debit result carries its debit day as value date', async () => {
    o = await billingOffice('2026-11-01T00:00:00.000Z');
    const account = await o.account(await o.member('corporation'));
    await o.ok('payments.registerMethod', { account, method: 'direct_debit', receivedOn: '2026-10-01' }, 'accounting');
    o.setNow('2026-12-01T01:00:00.000Z');
    await o.importUsage(usageFile('2026-11', [{ code: account }]));
    await o.ok('billing.closeMonth', { month: '2026-11' }, 'accounting');
    const [bill] = await o.ok<{ statementNumber: string }[]>('billing.listBills', { month: '2026-11' }, 'accounting');
    o.setNow('2026-12-29T01:00:00.000Z');
    await o.ok(
      'payments.recordDirectDebit',
      { statementNumber: bill!.statementNumber, outcome: 'paid', on: '2026-12-28' },
      'accounting',
    );
    expect(await o.scalar('select value_date from payments')).toBe('2026-12-28');
  });
});
