import { describe, expect, it } from 'vitest';
import { insertRows, statementRows } from '../../core/ledger/insert-rows';
import { DEPOSIT_COLUMNS } from '../../core/reconcile/import-file';
import { depositRow, tempLedger } from './helpers';

const deposit = (reference: string) => depositRow(reference);

describe('insertRows', () => {
  it('D-LEDGER-4: the new ids come back in row order over several statements, as the table numbered them, after rows written before', async () => {
    const l = await tempLedger();
    try {
      await insertRows(l.db, 'deposits', DEPOSIT_COLUMNS, [deposit('before-1'), deposit('before-2')]);
      // 2,000 rows a statement at most: three statements, the last of another size.
      const references = Array.from({ length: 4_501 }, (_, i) => `r${i}`);
      const ids = await insertRows(l.db, 'deposits', DEPOSIT_COLUMNS, references.map(deposit), { returning: true });
      const stored = await l.db
        .selectFrom('deposits')
        .select(['id', 'bank_reference'])
        .where('bank_reference', 'not like', 'before-%')
        .execute();
      const idOf = new Map(stored.map((r) => [r.bank_reference, r.id]));
      expect(ids).toHaveLength(4_501);
      expect(ids).toEqual(references.map((r) => idOf.get(r)));
      expect([ids[0], ids[4_500]]).toEqual([3, 4_503]);
    } finally {
      await l.dispose();
    }
  });

  it('D-LEDGER-6: rows past a full statement go in a power of two at a time down to 64, then as they are: 4,501 rows of ten columns are 2,000 + 2,000 + 256 + 128 + 64 + 53', () => {
    const sizes = (rows: number, perStatement: number) => {
      const out: number[] = [];
      for (let left = rows; left > 0; left -= out[out.length - 1]!) out.push(statementRows(left, perStatement));
      return out;
    };
    expect(sizes(4_501, 2_000)).toEqual([2_000, 2_000, 256, 128, 64, 53]);
    expect(sizes(64, 2_000)).toEqual([64]);
    expect(sizes(65, 2_000)).toEqual([64, 1]);
    expect(sizes(1_999, 2_000)).toEqual([1_024, 512, 256, 128, 64, 15]);
    // Any count from 1 to 10,000 is written with statements of at most 2,000, 1,024, 512, 256, 128 or 64 rows
    // or of fewer than 64: a few SQL texts, each prepared once.
    const used = new Set<number>();
    for (let rows = 1; rows <= 10_000; rows++) for (const n of sizes(rows, 2_000)) if (n > 64) used.add(n);
    expect([...used].sort((a, b) => a - b)).toEqual([128, 256, 512, 1_024, 2_000]);
  });
});
