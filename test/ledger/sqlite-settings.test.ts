import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { tempLedger } from './helpers';

describe('how a ledger file is opened and indexed for large writes', () => {
  it('D-LEDGER-8: statement journals are kept in memory and the page cache holds 64 MiB', async () => {
    const l = await tempLedger('sqlite');
    try {
      if (l.engine !== 'sqlite') throw new Error('an SQLite ledger was asked for');
      // temp_store 2 is MEMORY; a negative cache_size is in KiB.
      expect(l.sqlite.pragma('temp_store', { simple: true })).toBe(2);
      expect(l.sqlite.pragma('cache_size', { simple: true })).toBe(-65_536);
    } finally {
      await l.dispose();
    }
  });

  it('D-LEDGER-9: only held deposits are indexed by status, and the held list is read through that index', async () => {
    const l = await tempLedger('sqlite');
    try {
      if (l.engine !== 'sqlite') throw new Error('an SQLite ledger was asked for');
      const indexes = l.sqlite
        .prepare("select name, sql from sqlite_master where type = 'index' and tbl_name = 'deposits' order by name")
        .all() as { name: string; sql: string | null }[];
      expect(indexes.map((i) => i.name)).toEqual(['deposits_bank_reference_unique', 'deposits_held']);
      expect(indexes.find((i) => i.name === 'deposits_held')?.sql).toContain(`where "status" = 'held'`);
      const { rows } = await sql<{ detail: string }>`
        explain query plan select id from deposits where status = 'held' order by id`.execute(l.db);
      expect(rows.map((r) => r.detail)).toEqual(['SCAN deposits USING COVERING INDEX deposits_held']);
    } finally {
      await l.dispose();
    }
  });
});
