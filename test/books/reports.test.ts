import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../api/helpers';
import { pdfText } from '../documents/pdf-tools';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await o?.close();
  for (const c of cleanups.splice(0)) c();
});

/** Two October bills closed on 2026-11-02 JST: ¥6,800 + ¥680 (BIL-2026-000001) and ¥252 + ¥25. */
async function closedOctober(): Promise<{ a: string; b: string }> {
  o = await billingOffice('2026-11-02T01:00:00.000Z');
  const a = await o.account(await o.member('corporation', '株式会社青空商事'));
  const b = await o.account(await o.member('corporation', '株式会社海風物産'));
  await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b, createdAt: '2026-10-31T00:00:00+09:00' }]));
  await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return { a, b };
}

function csvRows(base64: string): string[][] {
  return parse(Buffer.from(base64, 'base64').toString('utf8'), { bom: true }) as string[][];
}

describe('reports (issue 15)', () => {
  it('trial balance for a period: November holds the close (売掛金 debit ¥7,757, 売上高 credit ¥7,052, 仮受消費税 ¥705); October holds nothing; a December adjustment stays out of November', async () => {
    await closedOctober();
    o.setNow('2026-12-01T01:00:00.000Z');
    await o.ok(
      'ledger.postAdjustment',
      {
        memo: '12月の調整',
        lines: [
          { account: 'fees', side: 'debit', amount: '330' },
          { account: 'bank', side: 'credit', amount: '330' },
        ],
      },
      'accounting',
    );
    const november = await o.ok('reports.trialBalance', { from: '2026-11-01', to: '2026-11-30' }, 'accounting');
    const row = (a: string) => november.accounts.find((x) => x.account === a)!;
    expect([row('receivables').debit, row('revenue').credit, row('tax_payable').credit, row('fees').debit]).toEqual([
      '7757',
      '7052',
      '705',
      '0',
    ]);
    expect([november.totalDebit, november.totalCredit, november.balanced]).toEqual(['7757', '7757', true]);
    const october = await o.ok('reports.trialBalance', { from: '2026-10-01', to: '2026-10-31' }, 'accounting');
    expect([october.totalDebit, october.totalCredit]).toEqual(['0', '0']);
    const december = await o.ok('reports.trialBalance', { from: '2026-12-01', to: '2026-12-01' }, 'accounting');
    expect(december.accounts.find((x) => x.account === 'fees')!.debit).toBe('330');
  });

  it('D-REP-2: sales by month and service: October servers ¥7,052; a ¥1,000 credit note on 2026-11-25 is November, net −¥1,000', async () => {
    await closedOctober();
    o.setNow('2026-11-25T01:00:00.000Z');
    await o.ok(
      'billing.issueCreditNote',
      { statementNumber: 'BIL-2026-000001', amount: '1000', reason: '障害による値引' },
      'accounting',
    );
    const sales = await o.ok('reports.sales', { fromMonth: '2026-10', toMonth: '2026-11' }, 'accounting');
    expect(sales.months.map((m) => [m.month, m.services.server, m.services.volume, m.credited, m.net])).toEqual([
      ['2026-10', '7052', '0', '0', '7052'],
      ['2026-11', '0', '0', '1000', '-1000'],
    ]);
    expect([sales.totals.services.server, sales.totals.net]).toEqual(['7052', '6052']);
  });

  it('D-REP-3: prepaid liability: ¥30,000 registered (expires 2027-03-15) and ¥10,000 not registered (deadline 2027-01-31) by expiry month; an expired ID is left out', async () => {
    await closedOctober();
    const memberId = Number(await o.scalar("select id from members where name = '株式会社青空商事'"));
    const accountId = Number(await o.scalar(`select id from cloud_accounts where member_id = ${memberId}`));
    const at = '2026-03-15T01:00:00.000Z';
    await o.rows(`insert into prepaid_ids (code, member_id, amount, balance, status, registration_deadline, cloud_account_id,
      registered_at, expires_at, created_at, code_hint, forfeited) values
      ('h1', ${memberId}, 50000, 30000, 'registered', null, ${accountId}, '${at}', '2027-03-15T01:00:00.000Z', '${at}', 'AB12', 0),
      ('h2', ${memberId}, 10000, 10000, 'issued', '2027-01-31T01:00:00.000Z', null, null, null, '${at}', 'CD34', 0),
      ('h3', ${memberId}, 10000, 4000, 'expired', null, ${accountId}, '${at}', '2026-10-01T01:00:00.000Z', '${at}', 'EF56', 4000)`);
    const p = await o.ok('reports.prepaidLiability', {}, 'supervisor');
    expect(p.holdings.map((h) => [h.codeHint, h.status, h.balance, h.expiresOn])).toEqual([
      ['CD34', 'issued', '10000', '2027-01-31'],
      ['AB12', 'registered', '30000', '2027-03-15'],
    ]);
    expect(p.byExpiryMonth).toEqual([
      { month: '2027-01', balance: '10000', ids: 1 },
      { month: '2027-03', balance: '30000', ids: 1 },
    ]);
    expect([p.total, p.ledgerBalance]).toEqual(['40000', '0']);
  });

  it('D-REP-1: the trial balance as CSV parses back to its rows (売掛金,7757,0,7757) and sums to 合計,7757,7757', async () => {
    await closedOctober();
    const out = await o.ok(
      'reports.file',
      { report: 'trialBalance', format: 'csv', from: '2026-11-01', to: '2026-11-30' },
      'accounting',
    );
    expect(out.file.name).toBe('trialBalance-2026-11-02.csv');
    const rows = csvRows(out.file.base64);
    expect(rows[0]).toEqual(['勘定科目', '借方', '貸方', '残高']);
    expect(rows).toContainEqual(['売掛金', '7757', '0', '7757']);
    expect(rows).toContainEqual(['売上高', '0', '7052', '7052']);
    expect(rows.at(-1)).toEqual(['合計', '7757', '7757', '']);
  });

  it('aged receivables as CSV on 2026-12-01: both bills (due 2026-11-25) are 6 days past due, ¥7,757 in 0〜30日', async () => {
    const { a } = await closedOctober();
    const out = await o.ok('reports.file', { report: 'aging', format: 'csv', asOf: '2026-12-01' }, 'accounting');
    const rows = csvRows(out.file.base64);
    expect(rows[0]).toEqual([
      'クラウドアカウント',
      '会員番号',
      '期日前',
      '0〜30日',
      '31〜60日',
      '61〜90日',
      '90日超',
      '合計',
    ]);
    expect(rows[1]!.slice(0, 1)).toEqual([a]);
    expect(rows.at(-1)).toEqual(['合計', '', '0', '7757', '0', '0', '0', '']);
  });

  it('the sales report as PDF reads 月別・サービス別売上 with October ¥7,052 (pdftotext)', async () => {
    await closedOctober();
    const out = await o.ok(
      'reports.file',
      { report: 'sales', format: 'pdf', fromMonth: '2026-10', toMonth: '2026-10' },
      'supervisor',
    );
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const file = path.join(dir, out.file.name);
    writeFileSync(file, Buffer.from(out.file.base64, 'base64'));
    const text = pdfText(file);
    for (const s of ['月別・サービス別売上', '2026-10', '¥7,052', 'サーバー', '合計']) expect(text).toContain(s);
  });
});
