import { afterEach, describe, expect, it } from 'vitest';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

interface BillRow {
  billId: number;
  account: string;
  status: string;
  paymentMethod: string;
  total: string;
  amountDue: string;
  statementNumber: string;
  issuedOn: string;
  dueOn: string;
}

async function bills(month: string): Promise<BillRow[]> {
  return o.ok<BillRow[]>('billing.listBills', { month }, 'accounting');
}

async function failure(operation: string, input: unknown, as = 'accounting') {
  const r = await o.office.call(operation, input, as);
  if (r.ok) throw new Error(`${operation} should have been refused`);
  return r;
}

describe('month close wired onto the ledger', () => {
  it('R-BILL-1, R-BILL-3: a corporation billed by bank transfer for October: one final bill, statement issued 11-10, due 11-25, balanced posting', async () => {
    o = await billingOffice();
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-10', [{ code }]));
    const result = await o.ok<{ bills: number; alreadyClosed: boolean }>(
      'billing.closeMonth',
      { month: '2026-10' },
      'accounting',
    );
    expect(result).toMatchObject({ bills: 1, alreadyClosed: false });
    const [bill] = await bills('2026-10');
    // vm.standard.s4 all month: 744 h × ¥10.5 = ¥7,812, capped at ¥6,800; tax floor(6800 × 1.1) − 6800 = ¥680.
    expect(bill).toMatchObject({
      account: code,
      status: 'final',
      paymentMethod: 'bank_transfer',
      total: '7480',
      amountDue: '7480',
      statementNumber: 'BIL-2026-000001',
      dueOn: '2026-11-25',
    });
    expect(bill!.issuedOn).toBe('2026-11-09T15:00:00.000Z'); // 2026-11-10 00:00 JST
    const entries = await o.scalar(
      `select string_agg(account || ':' || debit || ':' || credit, ' ' order by e.line_no) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.reference = 'bill:${bill!.billId}'`,
    );
    expect(entries).toBe('receivables:7480:0 revenue:0:6800 tax_payable:0:680');
  });

  it("R-BILL-1: an account's bills, newest month first, as the member's page lists them; sales may read them", async () => {
    o = await billingOffice('2026-10-05T00:00:00.000Z');
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-09', [{ code }]));
    await o.ok('billing.closeMonth', { month: '2026-09' }, 'accounting');
    // Each month closed before its statements' issue date (R-BILL-7 keeps the regular dates then).
    o.setNow('2026-11-05T00:00:00.000Z');
    await o.importUsage(usageFile('2026-10', [{ code }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const list = await o.ok<(BillRow & { month: string })[]>('billing.accountBills', { account: code }, 'sales');
    // September has 720 h × ¥10.5 = ¥7,560, capped at ¥6,800, like October's 744 h: ¥7,480 each with tax.
    expect(list.map((b) => [b.month, b.total, b.statementNumber, b.dueOn])).toEqual([
      ['2026-10', '7480', 'BIL-2026-000002', '2026-11-25'],
      ['2026-09', '7480', 'BIL-2026-000001', '2026-10-26'],
    ]);
    const unknown = await failure('billing.accountBills', { account: 'CA-999999' }, 'sales');
    expect(unknown).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'account', message: 'no cloud account CA-999999' }],
    });
  });

  it('R-BILL-1: a close in steps (maxAccounts) reports done / bills, keeps the month closing, and ends as one close would', async () => {
    o = await billingOffice();
    const codes = [];
    for (let i = 0; i < 3; i++) codes.push(await o.account(await o.member('corporation')));
    await o.importUsage(
      usageFile(
        '2026-10',
        codes.map((code) => ({ code })),
      ),
    );
    const step = (n: number) =>
      o.ok<{ done: number; bills: number; finished: boolean; billedNow: number }>(
        'billing.closeMonth',
        { month: '2026-10', maxAccounts: n },
        'accounting',
      );
    expect(await step(2)).toMatchObject({ done: 2, bills: 3, finished: false, billedNow: 2 });
    expect((await bills('2026-10')).map((b) => b.status)).toEqual(['draft', 'draft']);
    const refused = await failure('usage.import', { content: usageFile('2026-10', [{ code: 'CA-000999' }]) });
    expect(refused).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'month', message: expect.stringContaining('2026-10 is being closed') }],
    });
    expect(await step(2)).toMatchObject({ done: 3, bills: 3, finished: true, billedNow: 1 });
    const list = await bills('2026-10');
    expect(list.map((b) => [b.status, b.statementNumber, b.total])).toEqual([
      ['final', 'BIL-2026-000001', '7480'],
      ['final', 'BIL-2026-000002', '7480'],
      ['final', 'BIL-2026-000003', '7480'],
    ]);
    expect(await o.scalar(`select sum(debit) from ledger_entries where account = 'receivables'`)).toBe(3 * 7480);
    expect(await step(2)).toMatchObject({ alreadyClosed: true, finished: true, done: 3 });
  });

  it('R-BILL-6: September 2026 by bank transfer: the 10th (Sat), 11th (Sun) and 12th (Sports Day) move the issue to 10-13; the 25th (Sun) moves the due date to 10-26', async () => {
    o = await billingOffice('2026-10-05T00:00:00.000Z');
    const bt = await o.account(await o.member('corporation'));
    const dd = await o.account(await o.member('corporation'));
    await o.ok(
      'payments.registerMethod',
      { account: dd, method: 'direct_debit', receivedOn: '2026-08-03' },
      'accounting',
    );
    await o.importUsage(usageFile('2026-09', [{ code: bt }, { code: dd }]));
    await o.ok('billing.closeMonth', { month: '2026-09' }, 'accounting');
    const list = await bills('2026-09');
    // Issued 2026-10-13 00:00 JST = 2026-10-12T15:00Z.
    expect(list.map((b) => [b.paymentMethod, b.issuedOn, b.dueOn])).toEqual([
      ['bank_transfer', '2026-10-12T15:00:00.000Z', '2026-10-26'],
      // R-BILL-4: debited on the 26th (Mon 2026-10-26, a business day).
      ['direct_debit', '2026-10-12T15:00:00.000Z', '2026-10-26'],
    ]);
  });

  it('R-BILL-2: an individual pays by card: charged on the 1st of the next month, the statement names the card, never its number', async () => {
    o = await billingOffice('2026-10-01T00:00:00.000Z');
    const code = await o.account(await o.member('individual'));
    await o.ok(
      'payments.registerMethod',
      { account: code, method: 'credit_card', card: { brand: 'VISA', last4: '4242', expiry: '12/28' } },
      'accounting',
    );
    expect(await o.scalar('select card_last4 from payment_methods')).toBe('4242');
    // Closed on the 1st itself (10:00 JST), so not late (R-BILL-7, D-BILL-7a).
    o.setNow('2026-11-01T01:00:00.000Z');
    await o.importUsage(usageFile('2026-10', [{ code }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const [bill] = await bills('2026-10');
    expect(bill).toMatchObject({ paymentMethod: 'credit_card', dueOn: '2026-11-01' });
    expect(String(await o.scalar('select content from documents'))).toContain('VISA ****4242');
  });

  it('R-BILL-2: a card valid less than 3 months from the authorisation, and any field that looks like a full card number, are refused; nothing is written', async () => {
    o = await billingOffice('2026-10-15T03:00:00.000Z');
    const code = await o.account(await o.member('corporation'));
    const expiring = await failure('payments.registerMethod', {
      account: code,
      method: 'credit_card',
      card: { brand: 'VISA', last4: '4242', expiry: '12/26' },
      receivedOn: '2026-10-15',
    });
    expect(expiring.problems?.map((p) => p.path)).toEqual(['card.expiry']);
    const pan = await failure('payments.registerMethod', {
      account: code,
      method: 'credit_card',
      card: { brand: '4242 4242 4242 4242', last4: '4242', expiry: '12/28' },
    });
    expect(pan.problems).toContainEqual({
      path: 'card.brand',
      code: 'card.full_number',
      message: 'looks like a full card number: never send it, only the last four digits',
    });
    const extra = await failure('payments.registerMethod', {
      account: code,
      method: 'credit_card',
      card: { brand: 'VISA', last4: '4242', expiry: '12/28', number: '4242424242424242' },
    });
    expect(extra.problems?.map((p) => p.path)).toContain('card.number');
    const long = await failure('payments.registerMethod', {
      account: code,
      method: 'credit_card',
      card: { brand: 'VISA', last4: '4242424242424242', expiry: '12/28' },
    });
    expect(long.problems?.map((p) => p.path)).toContain('card.last4');
    expect(await o.count('payment_methods')).toBe(0);
  });

  it('R-PARTY-3: an individual may not pay by bank transfer or direct debit; a corporation may', async () => {
    o = await billingOffice('2026-10-15T03:00:00.000Z');
    const person = await o.account(await o.member('individual'));
    const company = await o.account(await o.member('corporation'));
    for (const method of ['bank_transfer', 'direct_debit']) {
      const r = await failure('payments.registerMethod', { account: person, method });
      expect(r.problems).toEqual([
        {
          path: 'method',
          code: 'payment_method.corporations_only',
          params: { method },
          message: `${method} is for corporations only; an individual pays by credit_card (R-PARTY-3)`,
        },
      ]);
    }
    expect(await o.count('payment_methods')).toBe(0);
    await o.ok('payments.registerMethod', { account: company, method: 'direct_debit' }, 'accounting');
    expect(await o.count('payment_methods')).toBe(1);
  });

  it("R-BILL-5: 'the bill of the month after' is the bill of the next month's usage (翌月以降の請求): a card authorised on 09-15 pays October; a direct-debit form received on 09-20 pays October, on 09-21 only November; a card authorised 10-01 pays November", async () => {
    o = await billingOffice('2026-10-01T00:00:00.000Z');
    const card = await o.account(await o.member('corporation'));
    const dd20 = await o.account(await o.member('corporation'));
    const dd21 = await o.account(await o.member('corporation'));
    const cardLate = await o.account(await o.member('corporation'));
    await o.ok(
      'payments.registerMethod',
      {
        account: card,
        method: 'credit_card',
        card: { brand: 'JCB', last4: '0001', expiry: '01/29' },
        receivedOn: '2026-09-15',
      },
      'accounting',
    );
    await o.ok(
      'payments.registerMethod',
      { account: dd20, method: 'direct_debit', receivedOn: '2026-09-20' },
      'accounting',
    );
    const late = await o.ok<{ firstMonth: string }>(
      'payments.registerMethod',
      { account: dd21, method: 'direct_debit', receivedOn: '2026-09-21' },
      'accounting',
    );
    expect(late.firstMonth).toBe('2026-11');
    await o.ok(
      'payments.registerMethod',
      {
        account: cardLate,
        method: 'credit_card',
        card: { brand: 'JCB', last4: '0002', expiry: '01/29' },
        receivedOn: '2026-10-01',
      },
      'accounting',
    );
    o.setNow('2026-12-02T00:00:00.000Z');
    await o.importUsage(usageFile('2026-10', [{ code: card }, { code: dd20 }, { code: dd21 }, { code: cardLate }]));
    await o.importUsage(usageFile('2026-11', [{ code: card }, { code: dd20 }, { code: dd21 }, { code: cardLate }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    await o.ok('billing.closeMonth', { month: '2026-11' }, 'accounting');
    expect((await bills('2026-10')).map((b) => b.paymentMethod)).toEqual([
      'credit_card',
      'direct_debit',
      'bank_transfer',
      'bank_transfer',
    ]);
    expect((await bills('2026-11')).map((b) => b.paymentMethod)).toEqual([
      'credit_card',
      'direct_debit',
      'direct_debit',
      'credit_card',
    ]);
    // Statement numbers are gapless across the two closes: October's four, then November's.
    expect((await bills('2026-11')).map((b) => b.statementNumber)).toEqual([
      'BIL-2026-000005',
      'BIL-2026-000006',
      'BIL-2026-000007',
      'BIL-2026-000008',
    ]);
  });

  it('closing twice changes nothing and says so; a month not over yet is refused', async () => {
    o = await billingOffice();
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-10', [{ code }]));
    await o.importUsage(usageFile('2026-11', [{ code }]));
    const early = await failure('billing.closeMonth', { month: '2026-11' });
    expect(early.problems?.[0]?.path).toBe('month');
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const before = [await o.count('bills'), await o.count('documents'), await o.count('ledger_entries')];
    const again = await o.ok<{ alreadyClosed: boolean; message: string }>(
      'billing.closeMonth',
      { month: '2026-10' },
      'accounting',
    );
    expect(again).toMatchObject({
      alreadyClosed: true,
      message: '2026-10 is already closed (1 bills); nothing changed',
    });
    expect([await o.count('bills'), await o.count('documents'), await o.count('ledger_entries')]).toEqual(before);
  });

  it('a closed bill is corrected by a credit note in the current month, never edited: ¥1,000 before tax credits ¥1,100', async () => {
    o = await billingOffice();
    const code = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-10', [{ code }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    o.setNow('2026-12-03T01:00:00.000Z');
    const note = await o.ok<{ month: string; tax: string; total: string }>(
      'billing.issueCreditNote',
      { statementNumber: 'BIL-2026-000001', amount: '1000', reason: 'VM billed during an outage' },
      'accounting',
    );
    expect(note).toMatchObject({ month: '2026-12', tax: '100', total: '1100' });
    expect(await o.scalar('select total from bills')).toBe(7480);
    const tooMuch = await failure('billing.issueCreditNote', {
      statementNumber: 'BIL-2026-000001',
      amount: '5801',
      reason: 'too much',
    });
    expect(tooMuch.problems?.[0]?.path).toBe('amount');
    const aging = await o.ok<{ totals: Record<string, string> }>(
      'payments.aging',
      { asOf: '2026-12-03' },
      'accounting',
    );
    expect(aging.totals.d0_30).toBe('6380'); // 7480 − 1100, due 11-25: 8 days past due
  });
});

describe('usage import', () => {
  it('is idempotent per content, refuses unknown accounts by name, an account already in another file, bad usage, and a closed month', async () => {
    o = await billingOffice();
    const a = await o.account(await o.member('corporation'));
    const b = await o.account(await o.member('corporation'));
    const file = usageFile('2026-10', [{ code: a }]);
    expect(await o.importUsage(file)).toMatchObject({ imported: true, accounts: 1 });
    const again = await o.importUsage(file);
    expect(again.imported).toBe(false);
    expect(again.message).toMatch(/^already imported/);
    expect(await o.count('usage_imports')).toBe(1);

    const unknown = await failure('usage.import', {
      content: usageFile('2026-10', [{ code: b }, { code: 'CA-999998' }, { code: 'CA-999999' }]),
    });
    expect(unknown.problems).toEqual([
      {
        path: 'accounts[1].account',
        code: 'cloud_account.not_found',
        params: { code: 'CA-999998' },
        message: 'no cloud account CA-999998',
      },
      {
        path: 'accounts[2].account',
        code: 'cloud_account.not_found',
        params: { code: 'CA-999999' },
        message: 'no cloud account CA-999999',
      },
    ]);
    const twice = await failure('usage.import', {
      content: usageFile('2026-10', [{ code: b }, { code: a, plan: 'vm.light.s1' }]),
    });
    expect(twice.problems?.[0]?.path).toBe('accounts[1].account');
    const bad = await failure('usage.import', { content: usageFile('2026-10', [{ code: b, plan: 'vm.nope' }]) });
    expect(bad.problems?.[0]).toEqual({
      path: 'accounts[0].resources[0].plan',
      code: 'plan.unknown',
      params: { plan: 'vm.nope' },
      message: 'unknown plan "vm.nope"',
    });
    expect(await o.count('usage_imports')).toBe(1);

    expect(await o.importUsage(usageFile('2026-10', [{ code: b }]))).toMatchObject({ imported: true });
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    expect((await bills('2026-10')).map((x) => x.account)).toEqual([a, b]);
    const closed = await failure('usage.import', { content: usageFile('2026-10', [{ code: b, plan: 'vm.light.s1' }]) });
    expect(closed.problems?.[0]?.path).toBe('month');
    expect(await o.count('usage_imports')).toBe(2);
  });
});
