import { afterEach, describe, expect, it } from 'vitest';
import { DepositMatcher, parseBankFile } from '../../core/banking';
import { SeededRandom } from '../../core/demo/random';
import { Dec } from '../../core/money';
import { importBankFile } from '../../core/reconcile/import-file';
import { matchInParts, matchJobItems, MATCH_PART, type MatchJob } from '../../core/reconcile/match-chunks';
import { Matching } from '../../core/reconcile/match-thread';
import { loadOpenItems } from '../../core/reconcile/open-items';
import { noticeFile, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';
import { matchOnThread } from './match-on-thread';

const offices: ReconcileOffice[] = [];
afterEach(async () => {
  await Promise.all(offices.splice(0).map((o) => o.close()));
});

const KANA = ['ﾀﾅｶﾃﾞﾝｷ', 'ｻﾄｳｼﾖｳｼﾞ', 'ｽｽﾞｷｺｳｷﾞﾖｳ', 'ﾔﾏﾀﾞｿｳｺ', 'ﾜﾀﾅﾍﾞｻﾝｷﾞﾖｳ', 'ｲﾄｳﾌﾞｯｻﾝ'];

/** Six members with three bills each, and a file paying them as a month's transfers do (see bench/reconcile.ts). */
async function office(): Promise<{
  office: ReconcileOffice;
  bills: { statementNumber: string; amount: number; kana: string }[];
}> {
  const o = await reconcileOffice();
  offices.push(o);
  const random = new SeededRandom(18);
  const bills: { statementNumber: string; amount: number; kana: string }[] = [];
  for (const kana of KANA) {
    const { memberId } = await o.member(`${kana}株式会社`, `ｶ)${kana}`);
    for (let b = 0; b < 3; b++) {
      const amount = random.int(1_000, 60_000);
      const { statementNumber } = await o.bill(memberId, String(amount));
      bills.push({ statementNumber, amount, kana });
    }
  }
  return { office: o, bills };
}

function transfers(bills: { statementNumber: string; amount: number; kana: string }[], count: number): Buffer {
  const random = new SeededRandom(20261210);
  const entries: NoticeEntry[] = [];
  for (let i = 0; i < count; i++) {
    const bill = random.pick(bills);
    const roll = random.next();
    const date = `0811${String(random.int(1, 9)).padStart(2, '0')}`;
    if (roll < 0.5) entries.push({ ref: i + 1, date, amount: String(bill.amount), payer: `ｶ)${bill.kana}` });
    else if (roll < 0.65)
      entries.push({ ref: i + 1, date, amount: String(bill.amount - random.pick([440, 880, 881])), payer: bill.kana });
    else if (roll < 0.8)
      entries.push({ ref: i + 1, date, amount: String(bill.amount), payer: 'ﾀﾞｲｺｳ ﾌﾘｺﾐ', edi: bill.statementNumber });
    else if (roll < 0.95)
      entries.push({ ref: i + 1, date, amount: String(random.int(1_000, 60_000)), payer: 'ﾐｼﾗﾇ ｶｲｼﾔ' });
    else entries.push({ ref: i + 1, date, amount: String(bill.amount), payer: bill.kana, cancelled: true });
  }
  return noticeFile(entries);
}

/** Every row the import wrote, in a fixed order. */
async function written(o: ReconcileOffice): Promise<unknown[]> {
  return Promise.all(
    [
      'select * from bank_import_lines order by record_no',
      'select * from deposits order by id',
      'select * from deposit_reviews order by deposit_id',
      'select * from payments order by id',
      'select t.*, e.* from ledger_entries e join ledger_transactions t on t.id = e.transaction_id order by e.id',
    ].map((q) => o.rows(q)),
  );
}

describe('matching on a thread of its own (D-RECON-10)', () => {
  it('D-RECON-10: the match thread hands over the decisions matched in this thread, part for part', async () => {
    const { office: o, bills } = await office();
    const deposits = parseBankFile(transfers(bills, 2_500)).deposits.filter((d) => !d.cancelled);
    const open = await loadOpenItems(o.db);
    const job: MatchJob = {
      amounts: deposits.map((d) => d.amount),
      payers: deposits.map((d) => d.payer),
      edis: deposits.map((d) => d.edi),
      items: matchJobItems(open.items),
      feeTolerance: '880',
    };
    const here = [...matchInParts(job)];
    expect(await matchOnThread(job)).toEqual(here);
    expect(deposits).toHaveLength(2_396);
    expect(here.map((p) => p.length)).toEqual([MATCH_PART, MATCH_PART, 396]);
    // The parts say what match() decides, deposit by deposit.
    const matcher = new DepositMatcher(open.items, { feeTolerance: new Dec(880) });
    expect(here.flat().map(([status, basisOrReason, itemId]) => [status, basisOrReason, itemId])).toEqual(
      deposits.map((d) => {
        const o = matcher.match(d);
        if (o.status === 'matched') return ['matched', o.basis, o.itemId];
        return o.status === 'review' ? ['review', o.reason, null] : ['unknown', 'unknown', null];
      }),
    );
  });

  it('D-RECON-10: a file imported with its deposits matched on a thread writes, row for row, what it writes matched in this thread', async () => {
    const one = await office();
    const two = await office();
    const file = transfers(one.bills, 2_500);
    const actor = { now: new Date('2026-11-10T01:00:00.000Z'), by: 'accounting' };
    const threaded = await one.office.db
      .transaction()
      .execute((trx) => importBankFile(trx, { fileName: 'a.dat', bytes: file, matchThread: true }, actor));
    const here = await two.office.db
      .transaction()
      .execute((trx) => importBankFile(trx, { fileName: 'a.dat', bytes: file, matchThread: false }, actor));
    expect(threaded).toEqual(here);
    expect(threaded.summary.matched.count).toBeGreaterThan(0);
    expect(threaded.summary.review.count).toBeGreaterThan(0);
    expect(await written(one.office)).toEqual(await written(two.office));
  });

  it('D-RECON-10: a match that fails on the thread rejects the part asked for, with its reason', async () => {
    // An amount due with a fraction of a yen: the matcher refuses it (D-RECON-7), here on the thread.
    const job: MatchJob = {
      amounts: ['1000'],
      payers: ['ﾀﾅｶ'],
      edis: [''],
      items: [{ id: 'BIL-2026-000001', kind: 'monthly_bill', amountDue: '100.5', payerKana: 'ﾀﾅｶ', references: [] }],
      feeTolerance: '880',
    };
    const matching = new Matching(1, true);
    matching.match(job);
    try {
      await expect(matching.next()).rejects.toThrow('matching: the matcher takes whole yen: 100.5');
    } finally {
      await matching.stop();
    }
  });
});
