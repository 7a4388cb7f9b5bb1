import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main';
import { pageCount, pdfText } from '../documents/pdf-tools';
import { tempDir } from '../api/helpers';
import { billingOffice, usageFile, type BillingOffice } from './helpers';
import type { FileToSave } from '../../core/api/file-output';
import { volumeFileName } from '../../core/close/statements';

let o: BillingOffice;
const dirs: (() => void)[] = [];
afterEach(async () => {
  await o?.close();
  for (const d of dirs.splice(0)) d();
});

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

describe('statements', () => {
  it('R-TAX-2, R-BILL-3: statements YYYY-MM --out DIR writes one 請求書 per bill and one combined PDF; the text is checked with pdftotext', async () => {
    o = await billingOffice();
    const a = await o.account(await o.member('corporation', '株式会社青空商事'));
    const b = await o.account(await o.member('corporation', '株式会社海風物産'));
    // b: created 10-31 00:00 JST, 24 h × ¥10.5 = ¥252, tax floor(252 × 1.1) − 252 = ¥25.
    await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b, createdAt: '2026-10-31T00:00:00+09:00' }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const io = buffers();
    expect(await main(['statements', '2026-10', '--out', dir, '--as', 'accounting', '--db', o.file], io.io)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['BIL-2026-000001.pdf', 'BIL-2026-000002.pdf', 'statements-2026-10.pdf']);
    const first = pdfText(path.join(dir, 'BIL-2026-000001.pdf'));
    for (const text of [
      '請求書',
      'BIL-2026-000001',
      '株式会社青空商事',
      '2026年10月分',
      '¥7,480',
      '¥6,800',
      '¥680',
      '2026年11月25日',
      '銀行振込',
      'サービスごとに税込金額を計算',
    ]) {
      expect(first).toContain(text);
    }
    // R-TAX-4: no seller registered, so a per_service statement that shows no registration number.
    expect(first).not.toContain('登録番号');
    const second = pdfText(path.join(dir, 'BIL-2026-000002.pdf'));
    expect(second).toContain('¥277');
    expect(second).toContain('株式会社海風物産');
    const combined = path.join(dir, 'statements-2026-10.pdf');
    expect(pageCount(combined)).toBe(2);
    expect(pdfText(combined)).toContain('BIL-2026-000002');
  });

  it('R-TAX-3: a per_invoice usage file gives a statement with one tax per invoice and rate', async () => {
    o = await billingOffice();
    const a = await o.account(await o.member('corporation'));
    await o.importUsage(usageFile('2026-10', [{ code: a }], 'per_invoice'));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const { file: pdf } = await o.ok<{ file: FileToSave }>(
      'billing.statementPdf',
      { statementNumber: 'BIL-2026-000001' },
      'accounting',
    );
    expect(pdf).toMatchObject({ name: 'BIL-2026-000001.pdf', mediaType: 'application/pdf' });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const file = path.join(dir, 'one.pdf');
    writeFileSync(file, bytes);
    const text = pdfText(file);
    expect(text).toContain('請求書ごと・税率ごとに計算');
    expect(text).toContain('10%対象 ¥6,800');
    expect(text).toContain('¥680');
  });

  it('refuses a month that is not closed, writing nothing', async () => {
    o = await billingOffice();
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const io = buffers();
    const out = path.join(dir, 'out');
    expect(await main(['statements', '2026-10', '--out', out, '--as', 'accounting', '--db', o.file], io.io)).toBe(2);
    expect(io.err.join('')).toContain('month: 2026-10 is not closed');
    expect(existsSync(out)).toBe(false);
  });

  it("billing.monthStatementsPdf: a closed month's statements in one PDF for printing, the same bytes as statements-YYYY-MM.pdf", async () => {
    o = await billingOffice();
    const a = await o.account(await o.member('corporation', '株式会社青空商事'));
    const b = await o.account(await o.member('corporation', '株式会社海風物産'));
    await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b }]));
    const refused = await o.office.call('billing.monthStatementsPdf', { month: '2026-10' }, 'accounting');
    expect(refused).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'month', code: 'month.not_closed', params: { month: '2026-10' } }],
    });
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const printed = await o.ok<{ file: FileToSave } & Record<string, unknown>>(
      'billing.monthStatementsPdf',
      { month: '2026-10' },
      'supervisor',
    );
    expect(printed).toMatchObject({
      month: '2026-10',
      volume: 1,
      volumes: 1,
      statements: 2,
      first: 'BIL-2026-000001',
      last: 'BIL-2026-000002',
      file: { name: 'statements-2026-10.pdf', mediaType: 'application/pdf' },
    });
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    expect(
      await main(['statements', '2026-10', '--out', dir, '--as', 'accounting', '--db', o.file], buffers().io),
    ).toBe(0);
    const written = readFileSync(path.join(dir, 'statements-2026-10.pdf'));
    expect(Buffer.from(printed.file.base64, 'base64').equals(written)).toBe(true);
    expect(pageCount(path.join(dir, 'statements-2026-10.pdf'))).toBe(2);

    const past = await o.office.call('billing.monthStatementsPdf', { month: '2026-10', volume: 2 }, 'accounting');
    expect(past).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'volume', code: 'statement.volume_unknown', params: { month: '2026-10', volumes: 1 } }],
    });
    const sales = await o.office.call('billing.monthStatementsPdf', { month: '2026-10' }, 'sales');
    expect(sales).toMatchObject({ ok: false, kind: 'forbidden' });
  });

  it("names a month's printing volumes as the statements command writes them", () => {
    expect(volumeFileName('2026-10', 1, 1)).toBe('statements-2026-10.pdf');
    expect(volumeFileName('2026-10', 2, 3)).toBe('statements-2026-10-02.pdf');
  });
});
