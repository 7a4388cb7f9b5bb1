import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { AGING_BUCKETS, agingBucket } from '../../core/payments/aging';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

interface Bill {
  billId: number;
  account: string;
  amountDue: string;
  statementNumber: string;
}

async function closedOctober(methods: ('bank_transfer' | 'direct_debit' | 'credit_card')[]): Promise<Bill[]> {
  o = await billingOffice('2026-10-01T00:00:00.000Z');
  const codes = [];
  for (const method of methods) {
    const code = await o.account(await o.member(method === 'credit_card' ? 'individual' : 'corporation'));
    const card = method === 'credit_card' ? { card: { brand: 'VISA', last4: '4242', expiry: '12/29' } } : {};
    await o.ok('payments.registerMethod', { account: code, method, receivedOn: '2026-09-01', ...card }, 'accounting');
    codes.push(code);
  }
  o.setNow('2026-11-01T00:00:00.000Z');
  await o.importUsage(
    usageFile(
      '2026-10',
      codes.map((code) => ({ code })),
    ),
  );
  await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return o.ok<Bill[]>('billing.listBills', { month: '2026-10' }, 'accounting');
}

async function trial(): Promise<Record<string, string>> {
  const rows = await o.rows<{ account: string; balance: number }>(
    `select account, sum(debit) - sum(credit) as balance from ledger_entries group by account order by account`,
  );
  return Object.fromEntries(rows.map((r) => [r.account, String(r.balance)]));
}

describe('payments', () => {
  it('R-BILL-3: a bank transfer received in two parts posts bank / receivables and leaves nothing owed; more than owed is refused', async () => {
    const [bill] = await closedOctober(['bank_transfer']);
    o.setNow('2026-11-20T01:00:00.000Z');
    const part = await o.ok<{ outstanding: string }>(
      'payments.recordBankReceipt',
      { statementNumber: bill!.statementNumber, amount: '5000' },
      'accounting',
    );
    expect(part.outstanding).toBe('2480');
    const over = await o.office.call(
      'payments.recordBankReceipt',
      { statementNumber: bill!.statementNumber, amount: '2481' },
      'accounting',
    );
    expect(over).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'amount' }] });
    await o.ok('payments.recordBankReceipt', { billId: bill!.billId, amount: '2480' }, 'accounting');
    expect(await trial()).toEqual({ bank: '7480', receivables: '0', revenue: '-6800', tax_payable: '-680' });
    const both = await o.office.call(
      'payments.recordBankReceipt',
      { billId: bill!.billId, statementNumber: bill!.statementNumber, amount: '1' },
      'accounting',
    );
    expect(both).toMatchObject({ ok: false, problems: [{ path: 'billId' }] });
  });

  it('R-BILL-2, R-BILL-4: a card charge and a direct debit that succeed settle their bills; one that fails is recorded and settles nothing', async () => {
    const [dd, card] = await closedOctober(['direct_debit', 'credit_card']);
    o.setNow('2026-11-01T00:00:00.000Z');
    const charged = await o.ok<{ amount: string; outstanding: string }>(
      'payments.recordCardCharge',
      { billId: card!.billId, outcome: 'paid' },
      'accounting',
    );
    expect(charged).toMatchObject({ amount: '7480', outstanding: '0' });
    const wrong = await o.office.call(
      'payments.recordCardCharge',
      { billId: dd!.billId, outcome: 'paid' },
      'accounting',
    );
    expect(wrong).toMatchObject({
      ok: false,
      problems: [{ path: 'billId', message: `bill ${dd!.billId} is paid by direct_debit, not credit_card` }],
    });
    o.setNow('2026-11-26T00:00:00.000Z');
    const failed = await o.ok<{ amount: string; outstanding: string }>(
      'payments.recordDirectDebit',
      { billId: dd!.billId, outcome: 'failed', reason: '残高不足' },
      'accounting',
    );
    expect(failed).toMatchObject({ amount: '0', outstanding: '7480' });
    const twice = await o.office.call(
      'payments.recordDirectDebit',
      { billId: dd!.billId, outcome: 'paid' },
      'accounting',
    );
    expect(twice).toMatchObject({ ok: false, problems: [{ path: 'on' }] });
    expect(await trial()).toEqual({ bank: '7480', receivables: '7480', revenue: '-13600', tax_payable: '-1360' });
  });

  it('what each account owes, aged: due 11-25, on 12-25 (30 days) 0–30, 12-26 31–60, 2027-01-25 61–90, 2027-02-24 over 90', async () => {
    const [a] = await closedOctober(['bank_transfer', 'bank_transfer']);
    o.setNow('2026-11-20T01:00:00.000Z');
    await o.ok('payments.recordBankReceipt', { billId: a!.billId, amount: '480' }, 'accounting');
    const at = async (asOf: string) =>
      await o.ok<{ totals: Record<string, string>; accounts: { total: string }[] }>(
        'payments.aging',
        { asOf },
        'accounting',
      );
    expect((await at('2026-11-24')).totals).toEqual({
      notDue: '14480',
      d0_30: '0',
      d31_60: '0',
      d61_90: '0',
      d90plus: '0',
    });
    expect((await at('2026-12-25')).totals.d0_30).toBe('14480');
    expect((await at('2026-12-26')).totals.d31_60).toBe('14480');
    expect((await at('2027-01-25')).totals.d61_90).toBe('14480');
    const late = await at('2027-02-24');
    expect(late.totals.d90plus).toBe('14480');
    expect(late.accounts.map((x) => x.total)).toEqual(['7000', '7480']);
  });

  it('aging buckets never go back as days pass, and change only from day −1 to 0, 30 to 31, 60 to 61 and 90 to 91', () => {
    const index = (d: number) => AGING_BUCKETS.indexOf(agingBucket(d));
    fc.assert(
      fc.property(fc.integer({ min: -400, max: 400 }), (d) => {
        const step = index(d + 1) - index(d);
        return step === ([-1, 30, 60, 90].includes(d) ? 1 : 0);
      }),
    );
  });
});
