import { spawn } from 'node:child_process';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/ledger/open-database';
import { trialBalance } from '../../core/ledger/reports';
import { tempDir } from '../api/helpers';

const root = path.resolve(import.meta.dirname, '../..');

describe('a writer killed mid-transaction', () => {
  it('Accounting: SIGKILL during thousands of postings leaves a database that opens, passes integrity_check and balances to zero', async () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'ledger.db');
    try {
      const child = spawn(process.execPath, ['bin/run-ts.mjs', 'test/ledger/fixtures/bulk-postings.ts', file], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // Kill it half-way through the second batch: one batch committed, the next one's transaction open.
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (/midway 1\n/.test(out)) {
            child.kill('SIGKILL');
            resolve();
          }
        });
        child.on('exit', (code) => reject(new Error(`writer exited early (${code}): ${err}`)));
      });
      await new Promise((resolve) => child.once('close', resolve));
      expect(out).toMatch(/^started\n/);
      expect(child.signalCode).toBe('SIGKILL');

      const opened = await openDatabase(file);
      if (opened.engine !== 'sqlite') throw new Error('an SQLite ledger was opened');
      const { db, sqlite, close } = opened;
      try {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const tb = await trialBalance(db);
        expect(tb.balanced).toBe(true);
        const sums = sqlite
          .prepare('select count(*) as lines, coalesce(sum(debit) - sum(credit), 0) as diff from ledger_entries')
          .get() as { lines: number; diff: number };
        expect(sums.diff).toBe(0);
        // Whole batches only: each committed batch is 2000 postings of 3 lines; the killed one left nothing.
        expect(sums.lines % 6000).toBe(0);
        expect(sums.lines).toBeGreaterThanOrEqual(6000);
      } finally {
        await close();
      }
      const raw = new BetterSqlite3(file, { readonly: true });
      expect(raw.prepare('select count(*) as n from ledger_transactions').pluck().get()).toBeGreaterThanOrEqual(2000);
      raw.close();
    } finally {
      cleanup();
    }
  });
});
