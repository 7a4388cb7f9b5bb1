import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempLedger } from './helpers';

/**
 * The SQLite schema the migrations make, as every existing ledger file has it. Making the migrations run on
 * PostgreSQL (their SQLite-only statements moved to core/ledger/dialect.ts) must not change one byte of it.
 * A new migration adds to it: regenerate the fixture then, never to hide a change to an old migration.
 */
describe('the SQLite schema', () => {
  it('is what the released migrations made, byte for byte', async () => {
    const l = await tempLedger('sqlite');
    try {
      if (l.engine !== 'sqlite') throw new Error('an SQLite ledger was asked for');
      const rows = l.sqlite
        .prepare('select type, name, tbl_name, sql from sqlite_master where sql is not null order by type, name')
        .all();
      const expected: unknown = JSON.parse(
        readFileSync(new URL('fixtures/sqlite-schema.json', import.meta.url), 'utf8'),
      );
      expect(rows).toEqual(expected);
    } finally {
      await l.dispose();
    }
  });
});
