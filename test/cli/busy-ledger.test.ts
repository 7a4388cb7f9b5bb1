import { execFile } from 'node:child_process';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_BUSY_TIMEOUT_ENV } from '../../core/ledger/open-database';
import { testOffice, type TestOffice } from '../api/helpers';
import { holdWriteLock } from '../support/write-lock';

/**
 * Issue 13: a command run while another process holds the ledger's write lock (a long import) reads at once,
 * and a write waits, then exits 75 (EX_TEMPFAIL: run it again) saying the ledger is busy, nothing written
 * (D-SEC-20). The busy timeout is lowered through its seam.
 */

const root = path.resolve(import.meta.dirname, '../..');

let t: TestOffice | undefined;
let importer: BetterSqlite3.Database | undefined;
afterEach(async () => {
  importer?.close();
  importer = undefined;
  await t?.close();
  t = undefined;
});

function backoffice(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/backoffice.mjs', ...args],
      { cwd: root, env: { ...process.env, [TEST_BUSY_TIMEOUT_ENV]: '50' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('the command line beside a long import', { timeout: 120_000 }, () => {
  it('D-SEC-20: reads answer; a write exits 75 saying the ledger is busy, nothing written', async () => {
    t = await testOffice();
    await t.ok(
      'members.create',
      { kind: 'individual', name: '田中 一郎', nameKana: 'ﾀﾅｶ ｲﾁﾛｳ', email: 't@example.jp' },
      'sales',
    );
    importer = holdWriteLock(t.file);

    const search = await backoffice(['call', 'members.search', '{"query":"ﾀﾅｶ"}', '--as', 'sales', '--db', t.file]);
    expect([search.code, search.stderr]).toEqual([0, '']);
    expect(JSON.parse(search.stdout)).toMatchObject({ total: 1 });

    const member = JSON.stringify({
      kind: 'individual',
      name: '鈴木 花子',
      nameKana: 'ｽｽﾞｷ ﾊﾅｺ',
      email: 's@example.jp',
    });
    const write = await backoffice(['call', 'members.create', member, '--as', 'sales', '--db', t.file]);
    expect(write.code).toBe(75);
    expect(write.stderr).toMatch(/^busy: the ledger is busy.*nothing was written.*try again\n$/);
    const refused = await backoffice(['call', 'members.create', member, '--as', 'accounting', '--db', t.file]);
    expect(refused.code).toBe(75);

    importer.exec('rollback');
    expect(await t.count('members')).toBe(1);
    const again = await backoffice(['call', 'members.create', member, '--as', 'sales', '--db', t.file]);
    expect(again.code).toBe(0);
    expect(await t.count('members')).toBe(2);
  });
});
