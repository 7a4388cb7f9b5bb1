import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { LEDGER_ACCOUNTS, LEDGER_ACCOUNT_NAMES, type LedgerAccount } from '../../core/ledger/accounts';
import { DEFAULT_MAPPINGS, type JournalTarget } from '../../core/journal/mapping';
import { FREEE_COLUMNS, MONEYFORWARD_COLUMNS, YAYOI_COLUMNS } from '../../core/journal/formats';
import { Dec } from '../../core/money';
import { main } from '../../core/cli/main';
import { tempDir } from '../api/helpers';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

/** Two October bills closed on 2026-11-02 JST: ¥6,800 + ¥680 and ¥252 + ¥25 (the fixtures' ledger). */
async function closedOctober(): Promise<BillingOffice> {
  o = await billingOffice('2026-11-02T01:00:00.000Z');
  const a = await o.account(await o.member('corporation', '株式会社青空商事'));
  const b = await o.account(await o.member('corporation', '株式会社海風物産'));
  await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b, createdAt: '2026-10-31T00:00:00+09:00' }]));
  await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return o;
}

function fixture(name: string): Buffer {
  return readFileSync(new URL(`fixtures/${name}`, import.meta.url));
}

/** A file's records as its package reads them: 弥生 Shift_JIS without a header, the others UTF-8 with one. */
function records(target: JournalTarget, bytes: Buffer): string[][] {
  const text = target === 'yayoi' ? iconv.decode(bytes, 'Shift_JIS') : bytes.toString('utf8');
  return parse(text, { bom: true, relax_column_count: false }) as string[][];
}

async function exported(target: JournalTarget, from = '2026-11-01', to = '2026-11-30') {
  const out = await o.ok('journal.export', { target, from, to }, 'accounting');
  return { ...out, bytes: Buffer.from(out.file.base64, 'base64') };
}

/** Σ debits and Σ credits per package account, read back from the rows (columns named by the layout). */
function sumsByAccount(
  rows: string[][],
  columns: { debitAccount: number; debitAmount: number; creditAccount: number; creditAmount: number },
): Map<string, { debit: Dec; credit: Dec }> {
  const sums = new Map<string, { debit: Dec; credit: Dec }>();
  const add = (account: string, side: 'debit' | 'credit', amount: string) => {
    if (!account) return;
    const s = sums.get(account) ?? { debit: new Dec(0), credit: new Dec(0) };
    s[side] = s[side].plus(amount || '0');
    sums.set(account, s);
  };
  for (const r of rows) {
    add(r[columns.debitAccount]!, 'debit', r[columns.debitAmount]!);
    add(r[columns.creditAccount]!, 'credit', r[columns.creditAmount]!);
  }
  return sums;
}

const COLUMNS: Record<JournalTarget, readonly string[]> = {
  yayoi: YAYOI_COLUMNS,
  freee: FREEE_COLUMNS,
  moneyforward: MONEYFORWARD_COLUMNS,
};

function sideColumns(target: JournalTarget) {
  const at = (name: string) => COLUMNS[target].findIndex((c) => c === name);
  const amount = target === 'moneyforward' ? '金額(円)' : '金額';
  return {
    debitAccount: at('借方勘定科目'),
    debitAmount: at(`借方${amount}`),
    creditAccount: at('貸方勘定科目'),
    creditAmount: at(`貸方${amount}`),
  };
}

describe('journal export for accounting software (issue 15)', () => {
  it.each(['yayoi', 'freee', 'moneyforward'] as const)(
    '%s: the export of two closed October bills is, record for record, the fixture written from the published column list',
    async (target) => {
      await closedOctober();
      const out = await exported(target);
      expect(out.entries).toBe(2);
      expect(out.rows).toBe(4);
      expect(out.mappingVersion).toBe(0);
      const got = records(target, out.bytes);
      const want = records(target, fixture(`${target}-journal.csv`));
      expect(got).toEqual(want);
      if (target !== 'yayoi') expect(got[0]).toEqual([...COLUMNS[target]]);
      for (const row of got) expect(row).toHaveLength(COLUMNS[target].length);
    },
  );

  it('弥生: the file is Shift_JIS with CRLF (売掛金 is 0x94 0x84 0x8a 0x7c 0x8b 0xe0), not UTF-8', async () => {
    await closedOctober();
    const { bytes, file } = await exported('yayoi');
    expect(file.name).toBe('journal-yayoi-2026-11-01_2026-11-30.csv');
    expect(bytes.includes(Buffer.from([0x94, 0x84, 0x8a, 0x7c, 0x8b, 0xe0]))).toBe(true);
    expect(bytes.includes(Buffer.from('売掛金', 'utf8'))).toBe(false);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('2110');
    expect(bytes.toString('latin1').split('\r\n')).toHaveLength(5);
  });

  it.each(['yayoi', 'freee', 'moneyforward'] as const)(
    '%s round trip: exported debits and credits per account equal the trial balance of the range (売掛金 ¥7,757, 売上高 ¥7,052, 仮受消費税 ¥705)',
    async (target) => {
      await closedOctober();
      const out = await exported(target);
      const rows = records(target, out.bytes).slice(target === 'yayoi' ? 0 : 1);
      const sums = sumsByAccount(rows, sideColumns(target));
      const tb = await o.ok('reports.trialBalance', { from: '2026-11-01', to: '2026-11-30' }, 'accounting');
      for (const a of tb.accounts) {
        const name = DEFAULT_MAPPINGS[target][a.account as LedgerAccount].account;
        const s = sums.get(name) ?? { debit: new Dec(0), credit: new Dec(0) };
        expect([name, s.debit.toFixed(), s.credit.toFixed()]).toEqual([name, a.debit, a.credit]);
      }
      expect(sums.get('売掛金')?.debit.toFixed()).toBe('7757');
      expect(sums.get('売上高')?.credit.toFixed()).toBe('7052');
      expect(sums.get('仮受消費税')?.credit.toFixed()).toBe('705');
    },
  );

  it('a range before the close exports no entry; the trial balance of that range is all zero', async () => {
    await closedOctober();
    const out = await exported('freee', '2026-10-01', '2026-11-01');
    expect([out.entries, out.rows]).toEqual([0, 0]);
    expect(records('freee', out.bytes)).toEqual([[...FREEE_COLUMNS]]);
  });

  it('D-JRN-3: the administrator saves a mapping as version 1, then 2; the export names and uses the latest; accounting may not save one', async () => {
    await closedOctober();
    const accounts = {
      ...DEFAULT_MAPPINGS.moneyforward,
      revenue: { account: '売上高', subAccount: 'クラウド', taxCategory: '課税売上 10%' },
    };
    expect((await o.ok('journal.saveMapping', { target: 'moneyforward', accounts }, 'admin')).version).toBe(1);
    const second = { ...accounts, receivables: { account: '売掛金', subAccount: '請求書払い', taxCategory: '対象外' } };
    expect((await o.ok('journal.saveMapping', { target: 'moneyforward', accounts: second }, 'admin')).version).toBe(2);
    const refused = await o.office.call('journal.saveMapping', { target: 'moneyforward', accounts }, 'accounting');
    expect(refused.ok ? 'ok' : refused.kind).toBe('forbidden');
    const out = await exported('moneyforward');
    expect(out.mappingVersion).toBe(2);
    const [header, first] = records('moneyforward', out.bytes);
    const col = (name: string) => first![header!.indexOf(name)];
    expect([col('借方補助科目'), col('貸方補助科目'), col('貸方税区分')]).toEqual([
      '請求書払い',
      'クラウド',
      '課税売上 10%',
    ]);
    const history = await o.ok('journal.mapping', { target: 'moneyforward' }, 'accounting');
    expect(history.history.map((h) => [h.version, h.savedBy])).toEqual([
      [2, 'admin'],
      [1, 'admin'],
    ]);
    expect(history.current.version).toBe(2);
    expect(
      Number(
        await o.scalar("select count(*) from audit_log where operation = 'journal.saveMapping' and outcome = 'ok'"),
      ),
    ).toBe(2);
  });

  it('D-JRN-3: a saved mapping is never changed: the database refuses an UPDATE of journal_mappings', async () => {
    await closedOctober();
    await o.ok('journal.saveMapping', { target: 'yayoi', accounts: DEFAULT_MAPPINGS.yayoi }, 'admin');
    await expect(o.rows("update journal_mappings set accounts = '{}'")).rejects.toThrow(
      /journal_mappings is append-only/,
    );
  });

  it('a mapping missing one of our accounts is refused, naming it', async () => {
    await closedOctober();
    const partial = Object.fromEntries(
      Object.entries(DEFAULT_MAPPINGS.yayoi).filter(([account]) => account !== 'revenue'),
    );
    const result = await o.office.call('journal.saveMapping', { target: 'yayoi', accounts: partial }, 'admin');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems?.map((p) => p.path)).toContain('accounts.revenue');
    expect(Object.keys(LEDGER_ACCOUNTS)).toEqual([...LEDGER_ACCOUNT_NAMES]);
  });

  it('backoffice export-journal --format yayoi writes the same bytes as journal.export; an unknown --format is refused (exit 2)', async () => {
    await closedOctober();
    const { dir, cleanup } = tempDir();
    try {
      const out = path.join(dir, 'oct.csv');
      const said: string[] = [];
      const io = { out: (t: string) => said.push(t), err: (t: string) => said.push(t) };
      const args = ['--from', '2026-11-01', '--to', '2026-11-30', '--as', 'accounting', '--db', o.file];
      expect(await main(['export-journal', '--format', 'yayoi', '--out', out, ...args], io)).toBe(0);
      expect(readFileSync(out).equals((await exported('yayoi')).bytes)).toBe(true);
      expect(JSON.parse(said.join(''))).toMatchObject({ target: 'yayoi', entries: 2, rows: 4, writtenTo: out });
      said.length = 0;
      expect(await main(['export-journal', '--format', 'sage', '--out', out, ...args], io)).toBe(2);
      expect(said.join('')).toContain('--format');
    } finally {
      cleanup();
    }
  });
});
