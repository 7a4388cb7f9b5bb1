import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import { main } from '../../core/cli/main';
import { dumpLedger, restoreLedger } from '../../core/ledger/backup';
import { ledgerCensus, type LedgerCensus } from '../../core/ledger/copy';
import { openDatabase } from '../../core/ledger/open-database';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';
import { cliBuffers } from '../support/cli-buffers';
import { freshLedgerPlace, TEST_ENGINE, type TestEngine, type TestLedgerPlace } from '../support/engine';

let o: BillingOffice;
const places: TestLedgerPlace[] = [];
afterEach(async () => {
  await o?.close();
  for (const p of places.splice(0)) await p.dispose();
});

async function place(engine: TestEngine = TEST_ENGINE): Promise<TestLedgerPlace> {
  const p = await freshLedgerPlace(engine);
  places.push(p);
  return p;
}

/** A ledger with something in every kind of table a month brings: parties, usage, a close with statements and postings. */
async function closedMonth(): Promise<BillingOffice> {
  const office = await billingOffice();
  const codes = [
    await office.account(await office.member('corporation')),
    await office.account(await office.member('corporation')),
    await office.account(await office.member('individual')),
  ];
  await office.importUsage(
    usageFile(
      '2026-10',
      codes.map((code) => ({ code })),
    ),
  );
  await office.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  return office;
}

async function censusOf(location: string): Promise<LedgerCensus> {
  const { db, close } = await openDatabase(location, { migrate: false });
  try {
    return await ledgerCensus(db);
  } finally {
    await close();
  }
}

async function backoffice(args: string[]) {
  const io = cliBuffers();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('backoffice backup', () => {
  it('Accounting: backed up and restored into an empty ledger, every row and the trial balance come back, and numbering goes on after them', async () => {
    o = await closedMonth();
    const original = await censusOf(o.file);
    expect(original.counts).toMatchObject({ members: 3, bills: 3, documents: 3, ledger_entries: 9 });
    expect(original.trialBalance.balanced).toBe(true);
    const file = path.join(o.dir, o.engine === 'sqlite' ? 'copy.db' : 'ledger.dump');
    const backup = await backoffice(['backup', '--to', file, '--as', 'accounting', '--db', o.file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(JSON.parse(backup.stdout)).toMatchObject({ engine: o.engine, to: file });

    const target = await place();
    const restored = await backoffice(['backup', '--restore', file, '--db', target.location]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await censusOf(target.location)).toEqual(original);

    // The restored ledger is a working ledger: new rows take the next ids and numbers.
    const office = await openBackoffice(target.location, { channel: 'test' });
    try {
      const member = await office.call(
        'members.create',
        { kind: 'corporation', name: '株式会社復元', nameKana: 'ｶ)ﾌｸｹﾞﾝ', email: 'r@example.jp' },
        'sales',
      );
      expect(member).toMatchObject({ ok: true, output: { memberNumber: 'M-000004' } });
    } finally {
      await office.close();
    }

    const again = await backoffice(['backup', '--restore', file, '--db', target.location]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^target: the target ledger is not empty \(.*members: 4/);
    expect((await censusOf(target.location)).counts.members).toBe(4);

    const refused = await backoffice(['backup', '--to', file, '--as', 'accounting', '--db', o.file]);
    expect([refused.code, refused.stderr]).toEqual([2, `--to: ${file} exists already; choose a new file\n`]);
  });

  it('Accounting: a dump is read in one snapshot and restores into either engine; a dump that lost a row restores nothing', async () => {
    o = await closedMonth();
    const file = path.join(o.dir, 'ledger.dump');
    const { db, close } = await openDatabase(o.file, { migrate: false });
    let census: LedgerCensus;
    try {
      const dump = await dumpLedger(db, file);
      census = dump.census;
      expect(dump.rows).toBe(Object.values(census.counts).reduce((a, b) => a + b, 0));
    } finally {
      await close();
    }
    for (const engine of new Set<TestEngine>(['sqlite', TEST_ENGINE])) {
      const target = await place(engine);
      const into = await openDatabase(target.location);
      try {
        expect(await restoreLedger(into.db, file)).toEqual(census);
      } finally {
        await into.close();
      }
    }

    // One ledger line fewer than the dump's census counts: the copy does not match, and nothing stays written.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('{"table":"ledger_entries"'));
    const chunk = JSON.parse(lines[at]!) as { table: string; rows: unknown[][] };
    lines[at] = JSON.stringify({ ...chunk, rows: chunk.rows.slice(1) });
    const damaged = path.join(o.dir, 'damaged.dump');
    writeFileSync(damaged, gzipSync(lines.join('\n')));
    const target = await place();
    const restore = await backoffice(['backup', '--restore', damaged, '--db', target.location]);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('ledger_entries: 9 in the source, 8 copied');
    expect(Object.values((await censusOf(target.location)).counts).every((n) => n === 0)).toBe(true);
  });
});

describe('backoffice migrate-to', () => {
  it.runIf(TEST_ENGINE === 'postgres')(
    "Accounting: a company's SQLite ledger moves into an empty PostgreSQL database with the same counts and trial balance; a second time is refused",
    async () => {
      const sqlite = await place('sqlite');
      const office = await openBackoffice(sqlite.location, { channel: 'test' });
      const demo = await office.call('setup.loadDemo', { seed: 3, members: 20 }, null);
      await office.close();
      expect(demo.ok).toBe(true);
      const source = await censusOf(sqlite.location);

      const target = await place('postgres');
      const moved = await backoffice(['migrate-to', target.location, '--from', sqlite.location]);
      expect(moved.code, moved.stderr).toBe(0);
      expect(JSON.parse(moved.stdout)).toMatchObject({ counts: source.counts, trialBalance: source.trialBalance });
      expect(await censusOf(target.location)).toEqual(source);

      const again = await backoffice(['migrate-to', target.location, '--from', sqlite.location]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/^target: the target ledger is not empty/);

      const missing = await backoffice(['migrate-to', target.location, '--from', path.join(sqlite.dir, 'none.db')]);
      expect([missing.code, missing.stderr]).toEqual([
        2,
        `--from: ${path.join(sqlite.dir, 'none.db')} is not an SQLite ledger file on this machine\n`,
      ]);
      const notPostgres = await backoffice(['migrate-to', 'x.db', '--from', sqlite.location]);
      expect(notPostgres.code).toBe(2);
    },
  );
});
