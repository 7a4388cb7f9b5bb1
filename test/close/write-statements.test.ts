import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main';
import type { FileToSave } from '../../core/api/file-output';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const quiet = { out: () => {}, err: () => {} };

describe('statements written beside their volume for printing', () => {
  it('D-ARCH-1: each file is its archived PDF; one archived before is written as archived, the others archived now, once', async () => {
    o = await billingOffice();
    const codes = [];
    for (const name of ['株式会社青空商事', '株式会社海風物産', '株式会社山並工業'])
      codes.push({ code: await o.account(await o.member('corporation', name)) });
    await o.importUsage(usageFile('2026-10', codes));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const early = await o.ok<{ file: FileToSave }>(
      'billing.statementPdf',
      { statementNumber: 'BIL-2026-000002' },
      'accounting',
    );
    expect(await o.count('document_archive')).toBe(1);

    const out = path.join(o.dir, 'out');
    expect(await main(['statements', '2026-10', '--out', out, '--as', 'accounting', '--db', o.file], quiet)).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'BIL-2026-000001.pdf',
      'BIL-2026-000002.pdf',
      'BIL-2026-000003.pdf',
      'statements-2026-10.pdf',
    ]);
    expect(await o.count('document_archive')).toBe(3);
    expect(readFileSync(path.join(out, 'BIL-2026-000002.pdf')).equals(Buffer.from(early.file.base64, 'base64'))).toBe(
      true,
    );
    const archived = (await o.rows(
      `select d.number, a.sha256 from document_archive a join documents d on d.id = a.document_id order by d.number`,
    )) as { number: string; sha256: string }[];
    expect(archived.map((a) => a.number)).toEqual(['BIL-2026-000001', 'BIL-2026-000002', 'BIL-2026-000003']);
    for (const a of archived) expect(sha256(readFileSync(path.join(out, `${a.number}.pdf`)))).toBe(a.sha256);

    // Written again: nothing archived twice, the same bytes.
    const again = path.join(o.dir, 'again');
    expect(await main(['statements', '2026-10', '--out', again, '--as', 'accounting', '--db', o.file], quiet)).toBe(0);
    expect(await o.count('document_archive')).toBe(3);
    for (const name of readdirSync(out))
      expect(readFileSync(path.join(again, name)).equals(readFileSync(path.join(out, name))), name).toBe(true);
  });
});
