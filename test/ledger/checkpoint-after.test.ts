import { statSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { LARGE_WRITE_ROWS } from '../../core/ledger/checkpoint-after';
import { insertRows } from '../../core/ledger/insert-rows';
import { DEPOSIT_COLUMNS } from '../../core/reconcile/import-file';
import { depositRow, tempLedger } from './helpers';

/** Long references, so that 19,999 deposits fill well over the WAL's 1,000-page mark (~1,800 pages). */
const deposits = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, i) => depositRow(`${prefix.padEnd(128, '-')}${i}`, 1000 + i));

describe('checkpoints after large writes', () => {
  it('D-LEDGER-7: a commit of LARGE_WRITE_ROWS rows leaves its pages in the WAL, folded into the file at the next turn; one row fewer is folded in by its commit', async () => {
    const l = await tempLedger('sqlite');
    try {
      const size = () => statSync(l.file).size;
      const write = (count: number, prefix: string) =>
        l.db.transaction().execute((trx) => insertRows(trx, 'deposits', DEPOSIT_COLUMNS, deposits(count, prefix)));

      const beforeSmaller = size();
      await write(LARGE_WRITE_ROWS - 1, 'small');
      // 19,999 rows are past the WAL's 1,000-page mark: SQLite's own checkpoint ran in the commit.
      expect(size()).toBeGreaterThan(beforeSmaller + 2_000_000);

      await nextTurn();
      const beforeLarge = size();
      await write(LARGE_WRITE_ROWS, 'large');
      expect(size()).toBe(beforeLarge);
      await nextTurn();
      expect(size()).toBeGreaterThan(beforeLarge + 2_000_000);
      const count = await l.db
        .selectFrom('deposits')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(2 * LARGE_WRITE_ROWS - 1);
    } finally {
      await l.dispose();
    }
  });
});
