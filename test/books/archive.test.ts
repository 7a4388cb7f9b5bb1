import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../core/api/catalog-types';
import { main } from '../../core/cli/main';
import { tempDir } from '../api/helpers';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await o?.close();
  for (const c of cleanups.splice(0)) c();
});

function buffers() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** An issued estimate of `amount` yen for a new corporation named `name`, issued at the office's clock. */
async function issuedEstimate(name: string, amount: string): Promise<string> {
  const memberNumber = await o.member('corporation', name);
  const { estimateNumber } = await o.ok<{ estimateNumber: string }>(
    'estimates.draft',
    { memberNumber, amount },
    'sales',
  );
  await o.ok('estimates.issue', { estimateNumber }, 'sales');
  return estimateNumber;
}

describe('電子帳簿保存法: every issued document is kept as issued (issue 15)', () => {
  it('D-ARCH-1: an issued estimate is archived once, in its issuing transaction, with the SHA-256 of its bytes; estimates.pdf hands out exactly those bytes', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    const number = await issuedEstimate('株式会社青空商事', '50000');
    const [row] = await o.rows<{
      number: string;
      issued_on: string;
      amount: number;
      counterparty: string;
      sha256: string;
      pdf_base64: string;
    }>('select number, issued_on, amount, counterparty, sha256, pdf_base64 from document_archive');
    expect([row!.number, row!.issued_on, Number(row!.amount), row!.counterparty]).toEqual([
      number,
      '2026-11-02',
      50000,
      '株式会社青空商事',
    ]);
    const kept = Buffer.from(row!.pdf_base64, 'base64');
    expect(kept.subarray(0, 5).toString()).toBe('%PDF-');
    expect(row!.sha256).toBe(sha256(kept));
    const served = await o.ok('estimates.pdf', { estimateNumber: number }, 'sales');
    expect(Buffer.from(served.file.base64, 'base64').equals(kept)).toBe(true);
  });

  it('D-ARCH-1: the close archives no statement; `statements` archives each as it first leaves and writes the archived bytes; a second run archives nothing more', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    const a = await o.account(await o.member('corporation', '株式会社青空商事'));
    const b = await o.account(await o.member('corporation', '株式会社海風物産'));
    await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b, createdAt: '2026-10-31T00:00:00+09:00' }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    expect(await o.count('document_archive')).toBe(0);
    const before = await o.ok('archive.verify', {}, 'accounting');
    expect([before.checked, before.awaitingFirstSend, before.notArchived.length, before.ok]).toEqual([0, 2, 0, true]);

    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const io = buffers();
    expect(await main(['statements', '2026-10', '--out', dir, '--as', 'accounting', '--db', o.file], io.io)).toBe(0);
    const rows = await o.rows<{ number: string; issued_on: string; amount: number; sha256: string }>(
      'select number, issued_on, amount, sha256 from document_archive order by number',
    );
    expect(rows.map((r) => [r.number, r.issued_on, Number(r.amount)])).toEqual([
      ['BIL-2026-000001', '2026-11-10', 7480],
      ['BIL-2026-000002', '2026-11-10', 277],
    ]);
    for (const r of rows) expect(sha256(readFileSync(path.join(dir, `${r.number}.pdf`)))).toBe(r.sha256);
    expect(readdirSync(dir)).toContain('statements-2026-10.pdf');

    const again = tempDir();
    cleanups.push(again.cleanup);
    expect(
      await main(['statements', '2026-10', '--out', again.dir, '--as', 'accounting', '--db', o.file], buffers().io),
    ).toBe(0);
    expect(await o.count('document_archive')).toBe(2);
    const pdf = await o.ok('billing.statementPdf', { statementNumber: 'BIL-2026-000002' }, 'accounting');
    expect(sha256(Buffer.from(pdf.file.base64, 'base64'))).toBe(rows[1]!.sha256);
  });

  it('the archive is append-only in the database: UPDATE and DELETE are refused', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    await issuedEstimate('株式会社青空商事', '50000');
    await expect(o.rows('update document_archive set amount = 1')).rejects.toThrow(/document_archive is append-only/);
    await expect(o.rows('delete from document_archive')).rejects.toThrow(/document_archive is append-only/);
    expect(Number(await o.scalar('select amount from document_archive'))).toBe(50000);
  });

  it('archive.search answers date range, amount range and counterparty in combination', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    await issuedEstimate('株式会社青空商事', '50000'); // 11-02, ¥50,000, 青空
    o.setNow('2026-11-05T01:00:00.000Z');
    const wanted = await issuedEstimate('株式会社青空商事', '100000'); // 11-05, ¥100,000, 青空
    await issuedEstimate('株式会社海風物産', '100000'); // 11-05, ¥100,000, 海風
    o.setNow('2026-11-09T01:00:00.000Z');
    await issuedEstimate('株式会社青空商事', '300000'); // 11-09, ¥300,000, 青空
    const search = (criteria: OperationInput<'archive.search'>) =>
      o.ok('archive.search', criteria, 'accounting').then((r) => [r.total, ...r.items.map((i) => i.number)]);

    expect((await search({}))[0]).toBe(4);
    expect((await search({ issuedFrom: '2026-11-03', issuedTo: '2026-11-06' }))[0]).toBe(2);
    expect((await search({ amountMin: '60000', amountMax: '200000' }))[0]).toBe(2);
    expect((await search({ counterparty: '青空' }))[0]).toBe(3);
    expect(
      await search({ issuedFrom: '2026-11-03', issuedTo: '2026-11-06', amountMin: '60000', counterparty: '青空' }),
    ).toEqual([1, wanted]);
    expect((await search({ issuedFrom: '2026-11-03', amountMax: '99999', counterparty: '青空' }))[0]).toBe(0);
    // 株式会社 and spaces are folded away (parties nameSearchKey).
    expect((await search({ counterparty: '青空 商事' }))[0]).toBe(3);
    const refused = await o.office.call('archive.search', { amountMin: '200000', amountMax: '100000' }, 'accounting');
    expect(refused.ok ? [] : refused.problems?.map((p) => [p.path, p.code])).toEqual([
      ['amountMax', 'archive.amount_range'],
    ]);
    expect((await o.office.call('archive.search', {}, 'sales')).ok).toBe(false);
  });

  it('backoffice verify: every archived PDF hashes to its stored SHA-256 (exit 0); a PDF altered behind the triggers is named (exit 1)', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    const first = await issuedEstimate('株式会社青空商事', '50000');
    const second = await issuedEstimate('株式会社海風物産', '100000');
    const ok = buffers();
    expect(await main(['verify', '--as', 'accounting', '--db', o.file], ok.io)).toBe(0);
    expect(ok.err.join('')).toContain('2 archived documents checked, 0 differ, 0 not archived');

    const forged = Buffer.from('%PDF-1.3 forged').toString('base64');
    if (o.engine === 'sqlite') {
      await o.rows('drop trigger document_archive_no_update');
    } else {
      await o.rows('alter table document_archive disable trigger document_archive_no_change');
    }
    await o.rows(`update document_archive set pdf_base64 = '${forged}' where number = '${second}'`);
    const bad = buffers();
    expect(await main(['verify', '--as', 'accounting', '--db', o.file], bad.io)).toBe(1);
    const said = bad.err.join('');
    expect(said).toContain(`${second}: stored sha256`);
    expect(said).not.toContain(`${first}:`);
    expect(said).toContain('2 archived documents checked, 1 differ');
  });

  it('archive.pdf hands out a document exactly as archived; a month-close statement not sent yet is refused with archive.not_archived', async () => {
    o = await billingOffice('2026-11-02T01:00:00.000Z');
    const number = await issuedEstimate('株式会社青空商事', '50000');
    const [kept] = await o.rows<{ document_id: number; sha256: string }>(
      'select document_id, sha256 from document_archive',
    );
    const pdf = await o.ok('archive.pdf', { documentId: Number(kept!.document_id) }, 'supervisor');
    expect(pdf.file.name).toBe(`${number}.pdf`);
    expect(sha256(Buffer.from(pdf.file.base64, 'base64'))).toBe(kept!.sha256);

    const a = await o.account(await o.member('corporation', '株式会社海風物産'));
    await o.importUsage(usageFile('2026-10', [{ code: a }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const statementId = Number(await o.scalar("select id from documents where number = 'BIL-2026-000001'"));
    const refused = await o.office.call('archive.pdf', { documentId: statementId }, 'accounting');
    expect(refused.ok ? null : refused.problems?.map((p) => [p.path, p.code])).toEqual([
      ['documentId', 'archive.not_archived'],
    ]);
  });
});
