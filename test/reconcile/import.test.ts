import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../core/api/service';
import { joinRecords, noticeEnd, noticeFile, noticeGroup, type NoticeEntry } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';

// Reiwa 8 = 2026: 081110 is 2026-11-10.
const DAY = '081110';
const deposit = (ref: number, amount: string, payer: string, extra: Partial<NoticeEntry> = {}): NoticeEntry => ({
  ref,
  date: DAY,
  amount,
  payer,
  ...extra,
});

let office: ReconcileOffice;
afterEach(async () => {
  await office.close();
});

async function tanaka(o: ReconcileOffice) {
  return o.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
}

async function receivablesOf(o: ReconcileOffice, billId: number): Promise<number> {
  const accountId = (await o.scalar(`select cloud_account_id from bills where id = ${billId}`)) as number;
  return Number(
    await o.scalar(
      `select coalesce(sum(debit - credit), 0) from ledger_entries where account = 'receivables' and cloud_account_id = ${accountId}`,
    ),
  );
}

describe('bank.import: deposits matched and settled on the ledger', () => {
  it("R-RECON-2: an exact deposit in the member's name pays its bill: bank / receivables 33,000, nothing left owed", async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    const bill = await office.bill(memberId, '33000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '33000', 'ｶ)ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.matched).toEqual({ count: 1, amount: '33000' });
    expect(out.summary.fees).toBe('0');
    expect(await office.linesOf(`bill:${bill.billId}`)).toMatchObject([
      { kind: 'payment', account: 'bank', debit: 33000, credit: 0 },
      { kind: 'payment', account: 'receivables', debit: 0, credit: 33000 },
    ]);
    expect(await receivablesOf(office, bill.billId)).toBe(0);
    expect(await office.scalar('select status from deposits')).toBe('confirmed');
    expect(await office.scalar(`select deposit_id from payments where bill_id = ${bill.billId}`)).toBe(
      await office.scalar('select id from deposits'),
    );
  });

  it('R-RECON-3: ¥33,000 due, ¥32,560 received → matched, ¥440 fee booked as fees / receivables, the bill settled', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    const bill = await office.bill(memberId, '33000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '32560', 'ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.matched).toEqual({ count: 1, amount: '32560' });
    expect(out.summary.fees).toBe('440');
    expect(await office.linesOf(`bill:${bill.billId}`)).toMatchObject([
      { kind: 'bank_fee', account: 'fees', debit: 440, credit: 0 },
      { kind: 'bank_fee', account: 'receivables', debit: 0, credit: 440 },
      { kind: 'payment', account: 'bank', debit: 32560, credit: 0 },
      { kind: 'payment', account: 'receivables', debit: 0, credit: 32560 },
    ]);
    expect(await receivablesOf(office, bill.billId)).toBe(0);
    expect(await office.scalar(`select sum(amount) from payments where bill_id = ${bill.billId}`)).toBe(33000);
  });

  it('R-RECON-3: a shortfall of 881 yen with the default 880 tolerance is not a fee: review; with --fee-tolerance 1000 it is', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const strict = await office.importFile('a.dat', noticeFile([deposit(1, '32119', 'ﾀﾅｶﾃﾞﾝｷ')]), { dryRun: true });
    expect(strict.summary.review.count).toBe(1);
    expect(strict.attention[0]).toMatchObject({ outcome: 'review', reason: 'shortfall_beyond_tolerance' });
    const lenient = await office.importFile('a.dat', noticeFile([deposit(1, '32119', 'ﾀﾅｶﾃﾞﾝｷ')]), {
      feeTolerance: '1000',
    });
    expect(lenient.summary.matched.count).toBe(1);
    expect(lenient.summary.fees).toBe('881');
  });

  it('R-RECON-2: a name with the corporate abbreviation after it (ﾀﾅｶﾃﾞﾝｷ(ｶ) pays the bill of ｶ)ﾀﾅｶﾃﾞﾝｷ', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    const bill = await office.bill(memberId, '55000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '55000', 'ﾀﾅｶﾃﾞﾝｷ(ｶ')]));
    expect(out.summary.matched.count).toBe(1);
    expect(await receivablesOf(office, bill.billId)).toBe(0);
  });

  it("R-RECON-2: a statement number quoted in the EDI field pays it though the payer name is a stranger's", async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    const bill = await office.bill(memberId, '12100');
    const out = await office.importFile(
      'notice.dat',
      noticeFile([deposit(1, '12100', 'ﾀﾞｲｺｳﾌﾘｺﾐ', { edi: bill.statementNumber })]),
    );
    expect(out.summary.matched.count).toBe(1);
    expect(await receivablesOf(office, bill.billId)).toBe(0);
  });

  it('R-RECON-4, R-ACC-1: an unknown payer goes to the queue as unknown; its money is posted bank / suspense, nothing paid', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '77777', 'ﾔﾏﾀﾞﾀﾛｳ')]));
    expect(out.summary.unknown).toEqual({ count: 1, amount: '77777' });
    const queue = await office.ok<{ state: string; amount: string; payer: string }[]>(
      'bank.reviewQueue',
      {},
      'accounting',
    );
    expect(queue).toMatchObject([{ state: 'unknown', amount: '77777', payer: 'ﾔﾏﾀﾞﾀﾛｳ' }]);
    expect(await office.count('payments')).toBe(0);
    expect(
      await office.rows(
        `select t.kind, t.value_date, e.account, e.debit, e.credit from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.kind != 'invoice' order by e.id`,
      ),
    ).toEqual([
      { kind: 'deposit_suspense', value_date: '2026-11-10', account: 'bank', debit: 77777, credit: 0 },
      { kind: 'deposit_suspense', value_date: '2026-11-10', account: 'suspense', debit: 0, credit: 77777 },
    ]);
  });

  it('R-RECON-1: a cancelled 01 record is reported and never matched, even with the name and amount of an open bill', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    const bill = await office.bill(memberId, '33000');
    const out = await office.importFile(
      'notice.dat',
      noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ', { cancelled: true })]),
    );
    expect(out.summary.cancelled).toEqual({ count: 1, amount: '33000' });
    expect(out.summary.matched.count).toBe(0);
    expect(await office.count('deposits')).toBe(0);
    expect(await receivablesOf(office, bill.billId)).toBe(33000);
  });

  it('R-RECON-1: the same file imported twice adds nothing the second time, and says so', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const file = noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit(2, '5000', 'ﾀﾞﾚｶ')]);
    const first = await office.importFile('notice.dat', file);
    const counts = () =>
      Promise.all(
        ['deposits', 'payments', 'ledger_entries', 'bank_imports', 'bank_import_lines', 'deposit_reviews'].map((t) =>
          office.count(t),
        ),
      );
    const before = await counts();
    const second = await office.importFile('notice-again.dat', file);
    expect(second.alreadyImported).toBe(true);
    expect(second.importId).toBe(first.importId);
    expect(second.message).toContain('already imported');
    expect(second.summary.matched.count).toBe(1);
    expect(await counts()).toEqual(before);
  });

  it('R-RECON-1: the same record in a different file adds nothing: reported as already recorded', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    await office.importFile('monday.dat', noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ')]));
    const tables = ['deposits', 'payments', 'ledger_entries', 'deposit_reviews'];
    const before = await Promise.all(tables.map((t) => office.count(t)));
    // Another file (another record beside it, no line breaks) carrying the same transfer.
    const tuesday = joinRecords([...noticeGroup([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ')]), noticeEnd()], '');
    const out = await office.importFile('tuesday.dat', tuesday);
    expect(out.alreadyImported).toBe(false);
    expect(out.summary.duplicate).toEqual({ count: 1, amount: '33000' });
    expect(out.summary.matched.count).toBe(0);
    expect(await Promise.all(tables.map((t) => office.count(t)))).toEqual(before);
  });

  it('R-RECON-1: a second file repeating 1,203 of 1,300 recorded transfers adds only the 97 new ones (references looked up 500 at a time, the last part padded)', async () => {
    office = await reconcileOffice();
    const stranger = (ref: number) => deposit(ref, String(1000 + ref), 'ﾔﾏﾀﾞﾀﾛｳ');
    const first = Array.from({ length: 1_300 }, (_, i) => stranger(i + 1));
    await office.importFile('monday.dat', noticeFile(first));
    const second = [...first.slice(97), ...Array.from({ length: 97 }, (_, i) => stranger(2_001 + i))];
    const out = await office.importFile('tuesday.dat', noticeFile(second));
    expect(out.summary.duplicate).toMatchObject({ count: 1_203 });
    expect(out.summary.unknown).toMatchObject({ count: 97 });
    expect(await office.count('deposits')).toBe(1_397);
    expect(
      await office.scalar(
        "select count(*) from bank_import_lines l join deposits d on d.id = l.deposit_id where l.outcome = 'duplicate' and d.amount = l.amount",
      ),
    ).toBe(1_203);
  });

  it("R-RECON-1: a transfer written twice in one file is one deposit: the second line is already recorded, naming the first line's deposit", async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const out = await office.importFile(
      'twice.dat',
      noticeFile([deposit(1, '12345', 'ﾔﾏﾀﾞﾀﾛｳ'), deposit(2, '33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit(1, '12345', 'ﾔﾏﾀﾞﾀﾛｳ')]),
    );
    expect(out.summary).toMatchObject({ unknown: { count: 1 }, matched: { count: 1 }, duplicate: { count: 1 } });
    expect(
      await office.rows('select record_no, outcome, deposit_id from bank_import_lines order by record_no'),
    ).toEqual([
      { record_no: 2, outcome: 'unknown', deposit_id: 1 },
      { record_no: 3, outcome: 'matched', deposit_id: 2 },
      { record_no: 4, outcome: 'duplicate', deposit_id: 1 },
    ]);
    expect(await office.count('deposits')).toBe(2);
  });

  it('R-RECON-1: a file with one malformed record imports nothing; the error names the record and the field', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const file = noticeFile([deposit(1, '33000', 'ﾀﾅｶﾃﾞﾝｷ'), deposit(2, '1000', 'ﾀﾞﾚｶ')]);
    // Record 3 (the second transfer): its amount (columns 20–29) holds a letter.
    file.write('X', 2 * 202 + 19, 'latin1');
    const result: CallResult = await office.office.call(
      'bank.import',
      { fileName: 'bad.dat', contentBase64: file.toString('base64') },
      'accounting',
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.kind).toBe('invalid');
    expect(result.problems).toHaveLength(1);
    expect(result.problems![0]!.path).toMatch(/^record 3\b.*amount/);
    for (const table of ['deposits', 'payments', 'bank_imports', 'bank_import_lines', 'deposit_reviews'])
      expect(await office.count(table)).toBe(0);
  });

  it('R-RECON-1: a dry run matches and reports but writes nothing', async () => {
    office = await reconcileOffice();
    const { memberId } = await tanaka(office);
    await office.bill(memberId, '33000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '32560', 'ﾀﾅｶﾃﾞﾝｷ')]), { dryRun: true });
    expect(out.importId).toBeNull();
    expect(out.summary.matched).toEqual({ count: 1, amount: '32560' });
    expect(out.summary.fees).toBe('440');
    for (const table of ['deposits', 'payments', 'bank_imports']) expect(await office.count(table)).toBe(0);
  });

  it('R-RECON-2: a prepaid statement paid exactly is confirmed by the prepaid deposit confirmation: bank / prepaid_liability', async () => {
    office = await reconcileOffice();
    const { memberNumber } = await tanaka(office);
    const statement = await office.prepaidStatement(memberNumber, '30000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '30000', 'ｶ)ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.matched.count).toBe(1);
    const depositId = (await office.scalar('select id from deposits')) as number;
    expect(await office.linesOf(`deposit:${depositId}`)).toMatchObject([
      { kind: 'deposit', account: 'bank', debit: 30000 },
      { kind: 'deposit', account: 'prepaid_liability', credit: 30000 },
    ]);
    expect(await office.scalar(`select status from prepaid_applications`)).toBe('paid');
    expect(await office.scalar(`select credit_amount from prepaid_applications`)).toBe(30000);
    expect(await office.scalar(`select matched_document_id from deposits`)).toBe(
      await office.scalar(`select id from documents where number = '${statement}'`),
    );
  });

  it('R-RECON-3: a prepaid statement of 50,000 paid with 49,340 → the 660 fee booked as fees / prepaid_liability, 50,000 of credit', async () => {
    office = await reconcileOffice();
    const { memberNumber } = await tanaka(office);
    await office.prepaidStatement(memberNumber, '50000');
    const out = await office.importFile('notice.dat', noticeFile([deposit(1, '49340', 'ﾀﾅｶﾃﾞﾝｷ')]));
    expect(out.summary.matched.count).toBe(1);
    expect(out.summary.fees).toBe('660');
    const depositId = (await office.scalar('select id from deposits')) as number;
    expect(await office.linesOf(`deposit:${depositId}`)).toMatchObject([
      { kind: 'deposit', account: 'bank', debit: 49340 },
      { kind: 'deposit', account: 'prepaid_liability', credit: 49340 },
      { kind: 'bank_fee', account: 'fees', debit: 660 },
      { kind: 'bank_fee', account: 'prepaid_liability', credit: 660 },
    ]);
    expect(await office.scalar(`select credit_amount from prepaid_applications`)).toBe(50000);
  });
});

describe('bank.import: the shared example files', () => {
  it('R-RECON-1, R-ACC-1: notice01 and statement03 import into a ledger with nothing open: every deposit unknown, posted bank / suspense; notice01 again adds nothing', async () => {
    office = await reconcileOffice();
    const examples = path.resolve(__dirname, '../../../shared/examples/bank');
    const notice = await office.importFile('notice01.dat', readFileSync(path.join(examples, 'notice01.dat')));
    expect(notice.summary.unknown).toEqual({ count: 2, amount: '268500' });
    const statement = await office.importFile('statement03.dat', readFileSync(path.join(examples, 'statement03.dat')));
    expect(statement.summary.unknown.count).toBe(1);
    expect(await office.count('deposits')).toBe(3);
    expect(await office.count('ledger_entries')).toBe(6);
    expect(
      Number(await office.scalar("select sum(credit) - sum(debit) from ledger_entries where account = 'suspense'")),
    ).toBe(Number(await office.scalar('select sum(amount) from deposits')));
    expect(
      (await office.importFile('copy.dat', readFileSync(path.join(examples, 'notice01.dat')))).alreadyImported,
    ).toBe(true);
    expect(await office.count('deposits')).toBe(3);
  });
});
