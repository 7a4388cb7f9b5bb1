import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readLedger } from '../../core/ledger/copy';
import { openDatabase } from '../../core/ledger/open-database';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../documents/pdf-tools';
import { prepaidOffice, YAMADA } from './office';
import type { FileToSave } from '../../core/api/file-output';
import { DEMO_SELLER } from '../../core/demo/demo-seller';

/** The parts of a MIME message: headers of the whole, and each part's headers and decoded body. */
function mimeParts(eml: string): { headers: string; parts: { headers: string; body: Buffer }[] } {
  const [headers = '', rest = ''] =
    eml.split('\r\n\r\n', 2).length === 2
      ? [eml.slice(0, eml.indexOf('\r\n\r\n')), eml.slice(eml.indexOf('\r\n\r\n') + 4)]
      : [eml, ''];
  const boundary = /boundary="([^"]+)"/.exec(headers)?.[1];
  if (!boundary) throw new Error('not multipart');
  const parts = rest
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => {
      const trimmed = p.replace(/^\r\n/, '');
      const cut = trimmed.indexOf('\r\n\r\n');
      return {
        headers: trimmed.slice(0, cut),
        body: Buffer.from(trimmed.slice(cut + 4).replace(/\r\n/g, ''), 'base64'),
      };
    });
  return { headers, parts };
}

function sqliteFileBytes(file: string): string {
  return (
    readFileSync(file).toString('latin1') +
    readdirSync(path.dirname(file))
      .filter((f) => f.endsWith('-wal'))
      .map((f) => readFileSync(path.join(path.dirname(file), f)).toString('latin1'))
      .join('')
  );
}

async function everyRowAsText(location: string): Promise<string> {
  const { db, close } = await openDatabase(location, { migrate: false });
  try {
    return await readLedger(db, async (_tables, _census, rows) => {
      let text = '';
      for await (const chunk of rows) text += JSON.stringify(chunk.rows);
      return text;
    });
  } finally {
    await close();
  }
}

describe('prepaid ID issuance and registration', () => {
  it('R-PRE-2, R-TAX-5: the ID is sent as an .eml from the seller’s address to the registered address with the notice PDF; the database keeps only a keyed hash and the last 4 characters', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      await t.ok('seller.set', { seller: DEMO_SELLER, effectiveFrom: '2026-03-02' }, 'admin');
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const { code, statementNumber } = await t.buy(m.memberNumber, '50000', 'ZB-1');
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
      // The outbox row points at the .eml file beside the ledger.
      const payload = JSON.parse(
        String(await t.scalar("select payload from outbox where topic = 'prepaid.id_notice'")),
      ) as {
        to: string;
        emlFile: string;
      };
      expect(payload.to).toBe('keiri@yamada.example');
      // Beside an SQLite ledger's file; for PostgreSQL in the data folder, named after server and database.
      if (t.engine === 'sqlite') expect(path.dirname(payload.emlFile)).toBe(`${t.file}.outbox`);
      else expect(path.basename(path.dirname(payload.emlFile))).toMatch(/^127\.0\.0\.1-\d+-ledger_\w+\.outbox$/);
      expect(statSync(payload.emlFile).mode & 0o777).toBe(0o600);
      const eml = readFileSync(payload.emlFile, 'utf8');
      const { headers, parts } = mimeParts(eml);
      expect(headers).toMatch(
        /^From: billing@aozora-cloud\.example\.jp\r\nTo: keiri@yamada\.example\r\nSubject: =\?UTF-8\?B\?/,
      );
      expect(headers).toContain('MIME-Version: 1.0');
      expect(headers).toMatch(/\r\nDate: Mon, 02 Mar 2026 01:00:00 \+0000\r\n/);
      expect(parts).toHaveLength(2);
      expect(parts[0]!.headers).toContain('text/plain; charset=UTF-8');
      expect(parts[0]!.body.toString('utf8')).toContain('ご入金（¥50,000）を確認いたしました');
      expect(parts[1]!.headers).toContain('Content-Disposition: attachment; filename="PRE-2026-000001.pdf"');
      const attached = path.join(t.dir, 'attached.pdf');
      writeFileSync(attached, parts[1]!.body);
      const notice = pdfText(attached);
      for (const word of [
        'プリペイドID発行のお知らせ',
        'PRE-2026-000001',
        'M-000001',
        '¥50,000',
        'BIL-2026-000001',
        '2027年3月2日',
      ])
        expect(notice).toContain(word);
      // pdftotext may split the spaced-out code with a stray space.
      expect(notice.replaceAll(' ', '')).toContain(code);

      // Nothing in the database reveals the code: neither as printed nor as typed. SQLite: its file's bytes;
      // PostgreSQL: every row of every table.
      const bytes = t.engine === 'sqlite' ? sqliteFileBytes(t.file) : await everyRowAsText(t.file);
      expect(bytes).not.toContain(code);
      expect(bytes).not.toContain(code.replaceAll('-', ''));
      expect(await t.scalar('select code_hint from prepaid_ids')).toBe(code.slice(-4));
      expect(String(await t.scalar('select code from prepaid_ids'))).toMatch(/^[0-9a-f]{64}$/);
      // The key beside the side files' base: the .outbox folder's name without its suffix.
      const base = path.dirname(payload.emlFile).replace(/\.outbox$/, '');
      expect(statSync(`${base}.prepaid-key`).mode & 0o777).toBe(0o600);
      // Accounting can fetch the notice again while its .eml is kept; then never.
      const again1 = await t.ok<{ file: FileToSave }>(
        'prepaid.noticePdf',
        { noticeNumber: 'PRE-2026-000001' },
        'accounting',
      );
      expect(again1.file.name).toBe('PRE-2026-000001.pdf');
      expect(Buffer.from(again1.file.base64, 'base64').equals(parts[1]!.body)).toBe(true);
      expect(await t.office.call('prepaid.noticePdf', { noticeNumber: 'PRE-2026-000001' }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
      rmSync(payload.emlFile);
      expect(await t.office.call('prepaid.noticePdf', { noticeNumber: 'PRE-2026-000001' }, 'accounting')).toMatchObject(
        {
          ok: false,
          problems: [{ path: 'noticeNumber', message: expect.stringContaining('cannot be shown again') }],
        },
      );
      // Issuing again changes nothing and shows no code.
      const again = await t.ok('prepaid.issueId', { statementNumber }, 'accounting');
      expect(again).toMatchObject({
        outcome: 'unchanged',
        noticeNumber: 'PRE-2026-000001',
        codeHint: code.slice(-4),
        file: null,
      });
      expect(await t.count('prepaid_ids')).toBe(1);
    } finally {
      await t.close();
    }
  });

  it("R-PRE-4: an ID registers only on an account of the member who paid; once registered it cannot move, even to the same member's other account", async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      const other = await t.ok<{ memberNumber: string }>(
        'members.create',
        { ...YAMADA, name: '株式会社他社', email: 'x@other.example' },
        'sales',
      );
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales'); // CA-000001
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales'); // CA-000002
      await t.ok('cloudAccounts.create', { memberNumber: other.memberNumber }, 'sales'); // CA-000003
      const { code } = await t.buy(m.memberNumber, '30000', 'ZB-2');
      expect(await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000003', code }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
        message: 'CA-000003: this prepaid ID was bought by another member (R-PRE-4)',
      });
      t.at('2026-03-10T03:00:00.000Z');
      const reg = await t.ok(
        'prepaid.register',
        { cloudAccountCode: 'CA-000001', code: code.toLowerCase().replaceAll('-', ' ') },
        'sales',
      );
      expect(reg).toEqual({
        outcome: 'registered',
        cloudAccountCode: 'CA-000001',
        codeHint: code.slice(-4),
        amount: '30000',
        balance: '30000',
        registeredAt: '2026-03-10T03:00:00.000Z',
        expiresAt: '2027-03-10T03:00:00.000Z',
      });
      expect(await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales')).toMatchObject({
        outcome: 'unchanged',
      });
      expect(await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000002', code }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
        message: 'CA-000002: already registered on another cloud account; it cannot be moved (R-PRE-4)',
      });
      // The refusals are audited, without the code.
      const audited = Number(
        await t.scalar("select count(*) from audit_log where operation = 'prepaid.register' and outcome = 'forbidden'"),
      );
      expect(audited).toBe(2);
      expect(
        String(
          await t.scalar(
            "select string_agg(detail, ' | ' order by id) from audit_log where operation = 'prepaid.register'",
          ),
        ),
      ).not.toContain(code);
    } finally {
      await t.close();
    }
  });

  it('R-PRE-5: an ID not registered within 365 days of issue is void: registration refused, and the daily update forfeits its amount', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
      const { code } = await t.buy(m.memberNumber, '10000', 'ZB-3');
      expect(await t.scalar('select registration_deadline from prepaid_ids')).toBe('2027-03-02T01:00:00.000Z');
      t.at('2027-03-02T01:00:01.000Z');
      expect(await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
        message: expect.stringContaining('void: its registration period ended on 2027-03-02T01:00:00.000Z (R-PRE-5)'),
      });
      const update = await t.ok('prepaid.dailyUpdate', { date: '2027-03-02' }, 'accounting');
      expect(update).toMatchObject({ forfeited: { count: 1, total: '10000' } });
      expect(await t.scalar("select status || ' ' || balance || ' ' || forfeited from prepaid_ids")).toBe(
        'void 0 10000',
      );
      expect(await t.scalar("select sum(credit) from ledger_entries where account = 'forfeited_balances'")).toBe(
        10_000,
      );
      expect(
        await t.scalar("select sum(credit) - sum(debit) from ledger_entries where account = 'prepaid_liability'"),
      ).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('five wrong codes in 15 minutes lock registration on that account for 15 minutes; typos caught by the check character do not count', async () => {
    const t = await prepaidOffice('2026-03-02T01:00:00.000Z');
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', YAMADA, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
      const { code } = await t.buy(m.memberNumber, '10000', 'ZB-4');
      // A single typo: refused as invalid by the check character, not counted.
      const typo = (code[0] === 'A' ? 'B' : 'A') + code.slice(1);
      expect(
        await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000001', code: typo }, 'sales'),
      ).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'code' }] });
      // Well-formed guesses: 222…2 has a valid check character and matches nothing.
      const guess = '2222-2222-2222-2222';
      for (let i = 0; i < 5; i++) {
        t.at(`2026-03-02T02:0${i}:00.000Z`);
        expect(
          await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000001', code: guess }, 'sales'),
        ).toMatchObject({
          ok: false,
          kind: 'forbidden',
          message: 'CA-000001: no prepaid ID matches this code',
        });
      }
      t.at('2026-03-02T02:10:00.000Z');
      expect(await t.office.call('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
        message: 'registration on CA-000001 is locked until 2026-03-02T02:19:00.000Z after repeated wrong prepaid IDs',
      });
      t.at('2026-03-02T02:19:00.000Z');
      expect(await t.ok('prepaid.register', { cloudAccountCode: 'CA-000001', code }, 'sales')).toMatchObject({
        outcome: 'registered',
      });
    } finally {
      await t.close();
    }
  });
});
