import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../core/cli/main';
import { cliBuffers } from '../support/cli-buffers';
import { noticeFile } from '../banking/zengin-builder';
import { reconcileOffice, type ReconcileOffice } from './fixture';

let office: ReconcileOffice;
afterEach(async () => {
  await office.close();
});

describe('backoffice import-bank FILE (without --dry-run)', () => {
  it('R-RECON-1: imports through bank.import as the --as operator; the same file again exits 0 and says nothing was added', async () => {
    office = await reconcileOffice();
    const { memberId } = await office.member('株式会社田中電機', 'ｶ)ﾀﾅｶﾃﾞﾝｷ');
    await office.bill(memberId, '33000');
    const file = path.join(office.dir, 'notice.dat');
    writeFileSync(file, noticeFile([{ ref: 1, date: '081110', amount: '32560', payer: 'ﾀﾅｶﾃﾞﾝｷ' }]));

    const io = cliBuffers();
    expect(await main(['import-bank', file, '--db', office.file, '--as', 'accounting'], io)).toBe(0);
    const report = JSON.parse(io.stdout) as { summary: { matched: { count: number }; fees: string }; fileName: string };
    expect(report).toMatchObject({ fileName: 'notice.dat', summary: { matched: { count: 1 }, fees: '440' } });
    expect(io.stderr).toContain('1 matched');
    expect(
      await office.scalar(`select channel || ' ' || operator_login from audit_log where operation = 'bank.import'`),
    ).toBe('cli accounting');

    const again = cliBuffers();
    expect(await main(['import-bank', file, '--db', office.file, '--as', 'accounting'], again)).toBe(0);
    expect(again.stderr).toContain('already imported');
    expect(await office.count('deposits')).toBe(1);
  });

  it('R-RECON-1: without --as, or with a malformed record, exit 2 naming the field; nothing written', async () => {
    office = await reconcileOffice();
    const file = path.join(office.dir, 'bad.dat');
    const bytes = noticeFile([{ ref: 1, date: '081110', amount: '1000', payer: 'ﾀﾞﾚｶ' }]);
    writeFileSync(file, bytes);
    const noAs = cliBuffers();
    expect(await main(['import-bank', file, '--db', office.file], noAs)).toBe(2);
    expect(noAs.stderr).toContain('--as: ');

    bytes.write('2', 202 + 127, 'latin1'); // record 2's cancel flag: only 0, 1 or blank
    writeFileSync(file, bytes);
    const bad = cliBuffers();
    expect(await main(['import-bank', file, '--db', office.file, '--as', 'accounting'], bad)).toBe(2);
    expect(bad.stderr).toMatch(/^record 2\b.*cancel flag/);
    expect(await office.count('deposits')).toBe(0);
    expect(await office.count('bank_imports')).toBe(0);
  });
});
