import { afterEach, describe, expect, it } from 'vitest';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';

const DAY = '081110';
const deposit = (ref: number, amount: string, payer: string, extra: Partial<NoticeEntry> = {}): NoticeEntry => ({
  ref,
  date: DAY,
  amount,
  payer,
  ...extra,
});
/** The reference core/banking gives record 1 of the builder's account (bank-branch-account:照会番号:勘定日). */
const REFERENCE_1 = '0009-123-1234567:1:2026-11-10';

interface Queued {
  depositId: number;
  state: string;
  reason: string;
  amount: string;
  candidates: { statementNumber: string; amountDue: string; nameMatches: boolean }[];
}

const offices: ReconcileOffice[] = [];
async function open(): Promise<ReconcileOffice> {
  const o = await reconcileOffice();
  offices.push(o);
  return o;
}
afterEach(async () => {
  while (offices.length > 0) await offices.pop()!.close();
});

/** A member with two bills of 33,000 yen on two accounts. */
async function twinBills(o: ReconcileOffice) {
  const { memberId } = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
  return [await o.bill(memberId, '33000'), await o.bill(memberId, '33000')] as const;
}

async function trialBalanceIsZero(o: ReconcileOffice): Promise<void> {
  const { debit, credit } = await o.trialBalanceSum();
  expect(debit).toBe(credit);
}

describe('review queue: accounting confirms, re-matches, dismisses', () => {
  it('R-RECON-4: two bills of the same amount → review with both as candidates; confirmed by accounting, posted exactly as a manual bank receipt', async () => {
    const imported = await open();
    const [, second] = await twinBills(imported);
    const out = await imported.importFile('notice.dat', noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.review).toEqual({ count: 1, amount: '33000' });
    const [queued] = await imported.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    expect(queued).toMatchObject({ state: 'review', reason: 'several_candidates', amount: '33000' });
    expect(queued!.candidates.map((c) => c.amountDue)).toEqual(['33000', '33000']);
    expect(await imported.linesOf(`bill:${second.billId}`)).toEqual([]);

    const decision = await imported.ok<{ state: string; target: string }>(
      'bank.confirmMatch',
      { depositId: queued!.depositId, target: second.statementNumber },
      'accounting',
    );
    expect(decision).toMatchObject({ state: 'confirmed', target: second.statementNumber });
    expect(await imported.ok<Queued[]>('bank.reviewQueue', {}, 'accounting')).toEqual([]);

    const manual = await open();
    const [, manualSecond] = await twinBills(manual);
    await manual.ok('payments.recordBankReceipt', { billId: manualSecond.billId, amount: '33000' }, 'accounting');

    // R-ACC-1: the imported deposit was posted bank / suspense at import; its receipt takes it out of suspense.
    const lines = await imported.linesOf(`bill:${second.billId}`);
    expect(lines).toHaveLength(2);
    expect(lines).toEqual(
      (await manual.linesOf(`bill:${manualSecond.billId}`)).map((l) =>
        l.account === 'bank' ? { ...l, account: 'suspense' } : l,
      ),
    );
    expect(
      (await imported.linesOf(`deposit:${queued!.depositId}`)).map((l) => [l.kind, l.account, l.debit, l.credit]),
    ).toEqual([
      ['deposit_suspense', 'bank', 33000, 0],
      ['deposit_suspense', 'suspense', 0, 33000],
    ]);
    await trialBalanceIsZero(imported);
  });

  it('R-RECON-4: two prepaid statements of 30,000 → review; confirmed, posted exactly as deposits.confirm typed in by accounting', async () => {
    const make = async () => {
      const o = await open();
      const { memberNumber } = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
      return {
        o,
        statements: [await o.prepaidStatement(memberNumber, '30000'), await o.prepaidStatement(memberNumber, '30000')],
      };
    };
    const a = await make();
    const out = await a.o.importFile('notice.dat', noticeFile([deposit(1, '30000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.review.count).toBe(1);
    const [queued] = await a.o.ok<Queued[]>('bank.reviewQueue', { state: 'review' }, 'accounting');
    await a.o.ok('bank.confirmMatch', { depositId: queued!.depositId, target: a.statements[1] }, 'accounting');

    const b = await make();
    await b.o.ok(
      'deposits.confirm',
      { statementNumber: b.statements[1], amount: '30000', valueDate: '2026-11-10', bankReference: REFERENCE_1 },
      'accounting',
    );

    // R-ACC-1: posted bank / suspense at import, then suspense / prepaid_liability as deposits.confirm posts it.
    const lines = await a.o.linesOf(`deposit:${queued!.depositId}`);
    expect(lines).toMatchObject([
      { account: 'bank', debit: 30000 },
      { account: 'suspense', credit: 30000 },
      { account: 'suspense', debit: 30000 },
      { account: 'prepaid_liability', credit: 30000 },
    ]);
    expect(lines.slice(2)).toEqual(
      (await b.o.linesOf(`deposit:${(await b.o.scalar('select id from deposits')) as number}`)).map((l) =>
        l.account === 'bank' ? { ...l, account: 'suspense' } : l,
      ),
    );
    await trialBalanceIsZero(a.o);
  });

  it('R-RECON-3: accounting confirms a deposit short by 440 to a bill of 33,000: the fee is booked as at import', async () => {
    const o = await open();
    const [first] = await twinBills(o);
    await o.importFile('notice.dat', noticeFile([deposit(1, '32560', 'ﾀﾅｶﾃﾞﾝｷ')]));
    const [queued] = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    const decision = await o.ok<{ fee: string }>(
      'bank.confirmMatch',
      { depositId: queued!.depositId, target: first.statementNumber },
      'accounting',
    );
    expect(decision.fee).toBe('440');
    expect((await o.linesOf(`bill:${first.billId}`)).map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['fees', 440, 0],
      ['receivables', 0, 440],
      ['suspense', 32560, 0],
      ['receivables', 0, 32560],
    ]);
  });

  it('R-RECON-4: an excess deposit confirmed to a prepaid statement is held by the prepaid rule and listed by deposits.held', async () => {
    const o = await open();
    const { memberNumber } = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
    const statement = await o.prepaidStatement(memberNumber, '30000');
    await o.importFile('notice.dat', noticeFile([deposit(1, '35000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    const [queued] = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    expect(queued).toMatchObject({ reason: 'excess' });
    const decision = await o.ok<{ outcome: string }>(
      'bank.confirmMatch',
      { depositId: queued!.depositId, target: statement },
      'accounting',
    );
    expect(decision.outcome).toBe('held');
    expect(await o.ok('deposits.held', {}, 'accounting')).toMatchObject([
      { depositId: queued!.depositId, amount: '35000', statementNumber: statement },
    ]);
    expect(await o.linesOf(`deposit:${queued!.depositId}`)).toMatchObject([
      { account: 'bank', debit: 35000 },
      { account: 'suspense', credit: 35000 },
      { account: 'suspense', debit: 35000 },
      { account: 'prepaid_liability', credit: 35000 },
    ]);
  });

  it('R-RECON-4: confirming twice, or to a statement already paid, is refused naming the field; nothing written', async () => {
    const o = await open();
    const [first, second] = await twinBills(o);
    await o.importFile('notice.dat', noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit(2, '33000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    const queue = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    // Neither deposit is matched automatically (two candidates each), so both are queued.
    expect(queue).toHaveLength(2);
    await o.ok('bank.confirmMatch', { depositId: queue[0]!.depositId, target: first.statementNumber }, 'accounting');
    const entries = await o.count('ledger_entries');
    const again = await o.office.call(
      'bank.confirmMatch',
      { depositId: queue[0]!.depositId, target: second.statementNumber },
      'accounting',
    );
    expect(again).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'depositId' }] });
    const paid = await o.office.call(
      'bank.confirmMatch',
      { depositId: queue[1]!.depositId, target: first.statementNumber },
      'accounting',
    );
    expect(paid).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'target' }] });
    const badInput = await o.office.call(
      'bank.confirmMatch',
      { depositId: queue[1]!.depositId, target: 'ST-1' },
      'accounting',
    );
    expect(badInput).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'target' }] });
    expect(await o.count('ledger_entries')).toBe(entries);
  });

  it('R-RECON-4: an unknown deposit is matched by bank.rematch once the bill it pays is final', async () => {
    const o = await open();
    const { memberId } = await o.member('有限会社鈴木', 'ﾕ)ｽｽﾞｷ');
    await o.importFile('notice.dat', noticeFile([deposit(1, '11000', 'ｽｽﾞｷ(ﾕ')]));
    expect(await o.ok<Queued[]>('bank.reviewQueue', { state: 'unknown' }, 'accounting')).toHaveLength(1);
    const bill = await o.bill(memberId, '11000');
    const decisions = await o.ok<{ state: string; target: string }[]>('bank.rematch', {}, 'accounting');
    expect(decisions).toMatchObject([{ state: 'confirmed', target: bill.statementNumber }]);
    expect(await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting')).toEqual([]);
    expect(Number(await o.scalar(`select sum(amount) from payments where bill_id = ${bill.billId}`))).toBe(11000);
  });

  it('R-RECON-4, R-ACC-1: a deposit dismissed leaves the queue with its reason and becomes a refund to pay (suspense / refunds_payable); marked unknown it stays', async () => {
    const o = await open();
    await twinBills(o);
    await o.importFile('notice.dat', noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit(2, '9999', 'ﾀﾞﾚｶ')]));
    const [a, b] = await o.ok<Queued[]>('bank.reviewQueue', {}, 'accounting');
    await o.ok('bank.markUnknown', { depositId: a!.depositId, reason: '電話で確認中' }, 'accounting');
    await o.ok('bank.dismiss', { depositId: b!.depositId, reason: '誤入金: 返金済み' }, 'accounting');
    const queue = await o.ok<(Queued & { note: string })[]>('bank.reviewQueue', {}, 'accounting');
    expect(queue).toMatchObject([{ depositId: a!.depositId, state: 'unknown', note: '電話で確認中' }]);
    expect(await o.scalar(`select note from deposit_reviews where deposit_id = ${b!.depositId}`)).toBe(
      '誤入金: 返金済み',
    );
    expect(await o.count('payments')).toBe(0);
    expect((await o.linesOf(`deposit:${b!.depositId}`)).map((l) => [l.kind, l.account, l.debit, l.credit])).toEqual([
      ['deposit_suspense', 'bank', 9999, 0],
      ['deposit_suspense', 'suspense', 0, 9999],
      ['deposit_refund_due', 'suspense', 9999, 0],
      ['deposit_refund_due', 'refunds_payable', 0, 9999],
    ]);
    const again = await o.office.call('bank.dismiss', { depositId: b!.depositId, reason: 'again' }, 'accounting');
    expect(again).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'depositId' }] });
  });

  it('R-RECON-5: the import report lists matched, awaiting review, unknown and cancelled records, by outcome and page', async () => {
    const o = await open();
    const { memberId } = await o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
    await o.bill(memberId, '33000');
    const { memberId: sato } = await o.member('佐藤商店', 'ｻﾄｳｼﾖｳﾃﾝ');
    await o.bill(sato, '5500');
    await o.bill(sato, '5500');
    await o.importFile(
      'notice.dat',
      noticeFile([
        deposit(1, '32560', 'ﾀﾅｶﾃﾞﾝｷ'),
        deposit(2, '5500', 'ｻﾄｳｼﾖｳﾃﾝ'),
        deposit(3, '1234', 'ﾀﾞﾚｶ'),
        deposit(4, '33000', 'ﾀﾅｶﾃﾞﾝｷ', { cancelled: true }),
      ]),
    );
    const report = await o.ok<{
      summary: Record<string, { count: number; amount: string }> & { fees: string };
      lines: { record: number; outcome: string; fee: string }[];
      total: number;
    }>('bank.importReport', {}, 'supervisor');
    expect(report.summary).toMatchObject({
      matched: { count: 1, amount: '32560' },
      review: { count: 1, amount: '5500' },
      unknown: { count: 1, amount: '1234' },
      cancelled: { count: 1, amount: '33000' },
      duplicate: { count: 0, amount: '0' },
      fees: '440',
    });
    expect(report.lines.map((l) => [l.record, l.outcome, l.fee])).toEqual([
      [2, 'matched', '440'],
      [3, 'review', '0'],
      [4, 'unknown', '0'],
      [5, 'cancelled', '0'],
    ]);
    const reviewOnly = await o.ok<{ lines: { record: number }[]; total: number }>(
      'bank.importReport',
      { outcome: 'review', pageSize: 1 },
      'accounting',
    );
    expect(reviewOnly).toMatchObject({ total: 1, lines: [{ record: 3 }] });
    await trialBalanceIsZero(o);
  });

  it('R-RECON-1: sales may not import a bank file (refused and audited); a supervisor may read the queue', async () => {
    const o = await open();
    const refused = await o.office.call(
      'bank.import',
      { fileName: 'x.dat', contentBase64: noticeFile([deposit(1, '1000', 'ﾀﾞﾚｶ')]).toString('base64') },
      'sales',
    );
    expect(refused).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await o.scalar(`select outcome from audit_log where operation = 'bank.import'`)).toBe('forbidden');
    expect(await o.ok('bank.reviewQueue', {}, 'supervisor')).toEqual([]);
  });
});
