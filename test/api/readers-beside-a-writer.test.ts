import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testOffice, type TestOffice } from './helpers';
import { holdWriteLock } from '../support/write-lock';

/** Issue 13: a long import holds the write lock; the others go on reading (D-SEC-17). SQLite's own locking. */

let t: TestOffice;
let importer: BetterSqlite3.Database | undefined;
afterEach(async () => {
  importer?.close();
  importer = undefined;
  await t?.close();
});

describe('readers beside a writer', () => {
  it('D-SEC-17: while another process holds the write lock (a 20-second bank import), reads answer at once from the last commit', async () => {
    t = await testOffice();
    await t.ok(
      'members.create',
      { kind: 'individual', name: '田中 一郎', nameKana: 'ﾀﾅｶ ｲﾁﾛｳ', email: 't@example.jp' },
      'sales',
    );
    importer = holdWriteLock(t.file);

    const start = performance.now();
    const search = await t.office.call('members.search', { query: 'ﾀﾅｶ' }, 'sales');
    expect(performance.now() - start).toBeLessThan(2000);
    expect(search).toMatchObject({ ok: true, output: { total: 1, items: [{ email: 't@example.jp' }] } });
    expect(await t.office.call('ledger.trialBalance', {}, 'accounting')).toMatchObject({ ok: true });
    importer.exec('rollback');
  });
});
