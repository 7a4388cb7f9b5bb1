import { afterEach, describe, expect, it } from 'vitest';
import { noticeFile } from '../banking/zengin-builder';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

interface Bill {
  billId: number;
  account: string;
  statementNumber: string;
  amountDue: string;
}

async function balance(account: string): Promise<number> {
  const [grows, shrinks] = ['bank', 'receivables', 'fees'].includes(account)
    ? ['debit', 'credit']
    : ['credit', 'debit'];
  return Number(
    await o.scalar(
      `select coalesce(sum(${grows}) - sum(${shrinks}), 0) from ledger_entries where account = '${account}'`,
    ),
  );
}

const outstanding = (billId: number) =>
  o
    .scalar(
      `select b.amount_due - coalesce((select sum(amount) from payments p where p.bill_id = b.id), 0) from bills b where b.id = ${billId}`,
    )
    .then(Number);

/** A corporation (ｶ)ﾃｽﾄ) with two accounts paying by bank transfer, each billed ¥7,480 for October 2026. */
async function twoOctoberBills(): Promise<{ memberNumber: string; codes: string[]; bills: Bill[] }> {
  o = await billingOffice('2026-10-01T00:00:00.000Z');
  const memberNumber = await o.member('corporation', '株式会社テスト');
  const codes = [await o.account(memberNumber), await o.account(memberNumber)];
  for (const account of codes)
    await o.ok('payments.registerMethod', { account, method: 'bank_transfer', receivedOn: '2026-09-01' }, 'accounting');
  o.setNow('2026-11-01T00:00:00.000Z');
  await o.importUsage(
    usageFile(
      '2026-10',
      codes.map((code) => ({ code })),
    ),
  );
  await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return { memberNumber, codes, bills: await o.ok<Bill[]>('billing.listBills', { month: '2026-10' }, 'accounting') };
}

describe('issue 14: the review queue resolves real cases', () => {
  it('R-ACC-1: a ¥20,000 deposit found by "てすと", "7,480" or a lower-case statement number pays both ¥7,480 bills; the ¥5,040 left is kept as credit and pays November’s bill', async () => {
    const { codes, bills } = await twoOctoberBills();
    o.setNow('2026-11-16T01:00:00.000Z');
    await o.ok(
      'bank.import',
      {
        fileName: 'notice.dat',
        contentBase64: noticeFile([{ ref: 1, date: '081116', amount: '20000', payer: 'ﾃｽﾄ' }]).toString('base64'),
      },
      'accounting',
    );
    const [queued] = await o.ok<{ depositId: number; reason: string; state: string }[]>(
      'bank.reviewQueue',
      {},
      'accounting',
    );
    expect(queued).toMatchObject({ state: 'review', reason: 'excess' });
    expect(await balance('suspense')).toBe(20_000);
    const numbers = bills.map((b) => b.statementNumber).sort();
    const found = async (query: string) =>
      (await o.ok<{ statementNumber: string }[]>('bank.openBills', { query }, 'accounting')).map(
        (b) => b.statementNumber,
      );
    expect(await found('てすと')).toEqual(numbers);
    expect(await found('ﾃｽﾄ')).toEqual(numbers);
    expect(await found('7,480')).toEqual(numbers);
    expect(await found('７４８０')).toEqual(numbers);
    expect(await found(numbers[1]!.toLowerCase())).toEqual([numbers[1]]);
    expect(await found('株式会社テスト')).toEqual(numbers);
    expect(await found('9999')).toEqual([]);

    // Too much for the bills, and a rest left undecided, are refused; nothing is written.
    const over = await o.office.call(
      'bank.resolveDeposit',
      { depositId: queued!.depositId, parts: [{ statementNumber: numbers[0], amount: '8000' }], rest: 'credit' },
      'accounting',
    );
    expect(over).toMatchObject({
      ok: false,
      problems: [{ code: 'payment.over_outstanding', params: { statementNumber: numbers[0], outstanding: '7480' } }],
    });
    const undecided = await o.office.call(
      'bank.resolveDeposit',
      { depositId: queued!.depositId, parts: [{ statementNumber: numbers[0], amount: '7480' }] },
      'accounting',
    );
    expect(undecided).toMatchObject({
      ok: false,
      problems: [{ code: 'deposit.rest_undecided', params: { rest: '12520' } }],
    });
    expect(await o.count('payments')).toBe(0);

    const resolved = await o.ok(
      'bank.resolveDeposit',
      {
        depositId: queued!.depositId,
        parts: numbers.map((statementNumber) => ({ statementNumber, amount: '7480' })),
        rest: 'credit',
        note: '2件分の合算入金',
      },
      'accounting',
    );
    expect(resolved).toMatchObject({ credit: '5040', refund: '0', refundId: null });
    expect(await o.ok('bank.reviewQueue', {}, 'accounting')).toEqual([]);
    for (const b of bills) expect(await outstanding(b.billId)).toBe(0);
    expect([await balance('suspense'), await balance('customer_credit'), await balance('bank')]).toEqual([
      0, 5_040, 20_000,
    ]);
    expect(await o.scalar("select value_date from payments where method = 'bank_transfer' limit 1")).toBe('2026-11-16');

    // November: the credit offsets the next bill (¥7,480 − ¥5,040 = ¥2,440 owed).
    o.setNow('2026-12-01T01:00:00.000Z');
    await o.importUsage(usageFile('2026-11', [{ code: codes[0]! }]));
    await o.ok('billing.closeMonth', { month: '2026-11' }, 'accounting');
    const [november] = await o.ok<Bill[]>('billing.listBills', { month: '2026-11' }, 'accounting');
    expect(await outstanding(november!.billId)).toBe(2_440);
    expect(await balance('customer_credit')).toBe(0);
    expect(await o.rows("select method, amount from payments where method = 'customer_credit'")).toEqual([
      { method: 'customer_credit', amount: 5_040 },
    ]);
    const { debit, credit } = {
      debit: Number(await o.scalar('select sum(debit) from ledger_entries')),
      credit: Number(await o.scalar('select sum(credit) from ledger_entries')),
    };
    expect(debit).toBe(credit);
  });

  it('issue 14: a monthly bill paid by hand (入金の確認) in part, then the rest less a ¥440 transfer fee as the bank import would take it', async () => {
    const { bills } = await twoOctoberBills();
    const bill = bills[0]!;
    o.setNow('2026-11-20T01:00:00.000Z');
    const part = await o.ok<{ outcome: string; outstanding: string; fee: string }>(
      'deposits.confirm',
      { statementNumber: bill.statementNumber, amount: '5000', valueDate: '2026-11-19', bankReference: 'HAND-1' },
      'accounting',
    );
    expect(part).toMatchObject({ outcome: 'confirmed', outstanding: '2480', fee: '0' });
    const rest = await o.ok<{ outstanding: string; fee: string }>(
      'deposits.confirm',
      { statementNumber: bill.statementNumber, amount: '2040', valueDate: '2026-11-20', bankReference: 'HAND-2' },
      'accounting',
    );
    expect(rest).toMatchObject({ outstanding: '0', fee: '440' });
    expect([await balance('bank'), await balance('fees'), await balance('receivables')]).toEqual([7_040, 440, 7_480]);
    expect(await o.rows('select method, amount, value_date from payments order by id')).toEqual([
      { method: 'bank_transfer', amount: 5_000, value_date: '2026-11-19' },
      { method: 'bank_fee', amount: 440, value_date: '2026-11-20' },
      { method: 'bank_transfer', amount: 2_040, value_date: '2026-11-20' },
    ]);
    // The same bank reference again changes nothing; more than is owed is refused with the statement number.
    expect(
      await o.ok(
        'deposits.confirm',
        { statementNumber: bill.statementNumber, amount: '5000', valueDate: '2026-11-19', bankReference: 'HAND-1' },
        'accounting',
      ),
    ).toMatchObject({ outcome: 'unchanged' });
    const over = await o.office.call(
      'deposits.confirm',
      { statementNumber: bills[1]!.statementNumber, amount: '9000', valueDate: '2026-11-20', bankReference: 'HAND-3' },
      'accounting',
    );
    expect(over).toMatchObject({
      ok: false,
      problems: [{ code: 'payment.over_outstanding', params: { statementNumber: bills[1]!.statementNumber } }],
    });
  });

  it('R-ACC-1: an unknown ¥3,000 deposit refunded from the review queue is a refund to pay, posted suspense / refunds_payable, then paid out of the bank', async () => {
    await twoOctoberBills();
    o.setNow('2026-11-16T01:00:00.000Z');
    await o.ok(
      'bank.import',
      {
        fileName: 'notice.dat',
        contentBase64: noticeFile([{ ref: 1, date: '081116', amount: '3000', payer: 'ｽｽﾞｷ' }]).toString('base64'),
      },
      'accounting',
    );
    const [queued] = await o.ok<{ depositId: number; state: string }[]>('bank.reviewQueue', {}, 'accounting');
    expect(queued!.state).toBe('unknown');
    const r = await o.ok<{ refundId: number; refund: string }>(
      'bank.resolveDeposit',
      { depositId: queued!.depositId, parts: [], rest: 'refund', note: '心当たりのない入金' },
      'accounting',
    );
    expect(r.refund).toBe('3000');
    expect([await balance('suspense'), await balance('refunds_payable')]).toEqual([0, 3_000]);
    await o.ok('bank.payRefund', { refundId: r.refundId, paidOn: '2026-11-16' }, 'accounting');
    expect([await balance('refunds_payable'), await balance('bank')]).toEqual([0, 0]);
  });
});
