import { afterEach, describe, expect, it } from 'vitest';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';

const deposit = (ref: number, date: string, amount: string, payer: string): NoticeEntry => ({
  ref,
  date,
  amount,
  payer,
});

let o: ReconcileOffice;
afterEach(async () => {
  await o?.close();
});

/** Every ledger account's balance on its growing side (bank: debit − credit; suspense and the rest: credit − debit). */
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

async function bankMovementsByDate(): Promise<Record<string, number>> {
  const rows = await o.rows<{ value_date: string | null; amount: number }>(
    `select t.value_date, sum(e.debit) - sum(e.credit) as amount from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where e.account = 'bank' group by t.value_date order by t.value_date`,
  );
  return Object.fromEntries(rows.map((r) => [String(r.value_date), Number(r.amount)]));
}

describe('R-ACC-1: the ledger’s bank account follows the bank', () => {
  it('R-ACC-1: a file of 2026-11-10/11 with a matched ¥33,000, a ¥22,000 for review and an unknown ¥12,345: bank moves ¥55,000 and ¥12,345 on those dates; suspense holds the ¥34,345 waiting, and empties as each is decided', async () => {
    o = await reconcileOffice('2026-11-11T08:00:00.000Z');
    const tanaka = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
    const yamada = await o.member('株式会社山田商事', 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ');
    await o.bill(tanaka.memberId, '33000');
    const [first] = [await o.bill(yamada.memberId, '22000'), await o.bill(yamada.memberId, '22000')];
    const out = await o.importFile(
      'notice.dat',
      noticeFile([
        deposit(1, '081110', '33000', 'ﾀﾅｶﾃﾞﾝｷ'),
        deposit(2, '081110', '22000', 'ﾔﾏﾀﾞｼﾖｳｼﾞ'),
        deposit(3, '081111', '12345', 'ｽｽﾞｷｲﾁﾛｳ'),
      ]),
    );
    expect([out.summary.matched.count, out.summary.review.count, out.summary.unknown.count]).toEqual([1, 1, 1]);
    expect(await bankMovementsByDate()).toEqual({ '2026-11-10': 55_000, '2026-11-11': 12_345 });
    const queue = await o.ok<{ depositId: number; amount: string; state: string }[]>(
      'bank.reviewQueue',
      {},
      'accounting',
    );
    const waiting = queue.reduce((s, q) => s + Number(q.amount), 0);
    expect(waiting).toBe(34_345);
    expect(await balance('suspense')).toBe(34_345);
    expect(await balance('receivables')).toBe(77_000 - 33_000);

    const review = queue.find((q) => q.state === 'review')!;
    const unknown = queue.find((q) => q.state === 'unknown')!;
    await o.ok('bank.confirmMatch', { depositId: review.depositId, target: first!.statementNumber }, 'accounting');
    expect([await balance('suspense'), await balance('receivables')]).toEqual([12_345, 22_000]);

    await o.ok('bank.dismiss', { depositId: unknown.depositId, reason: '振込先の誤り' }, 'accounting');
    expect([await balance('suspense'), await balance('refunds_payable')]).toEqual([0, 12_345]);
    const [refund] = await o.ok<{ refundId: number; amount: string; status: string }[]>(
      'bank.refunds',
      { status: 'to_pay' },
      'accounting',
    );
    expect(refund).toMatchObject({ amount: '12345', status: 'to_pay', reason: '振込先の誤り' });
    o.clock.now = new Date('2026-11-12T02:00:00.000Z');
    await o.ok('bank.payRefund', { refundId: refund!.refundId, paidOn: '2026-11-12' }, 'accounting');
    expect([await balance('refunds_payable'), await balance('bank')]).toEqual([0, 55_000]);
    expect(await bankMovementsByDate()).toEqual({ '2026-11-10': 55_000, '2026-11-11': 12_345, '2026-11-12': -12_345 });
    const again = await o.office.call('bank.payRefund', { refundId: refund!.refundId }, 'accounting');
    expect(again).toMatchObject({ ok: false, problems: [{ code: 'refund.already_paid' }] });
    const { debit, credit } = await o.trialBalanceSum();
    expect(debit).toBe(credit);
  });
});
