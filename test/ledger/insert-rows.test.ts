import { describe, expect, it } from 'vitest';
import { insertRows } from '../../core/ledger/insert-rows';
import { tempLedger } from './helpers';

const COLUMNS = [
  'value_date',
  'amount',
  'payer_kana',
  'bank_reference',
  'source_digest',
  'status',
  'matched_document_id',
  'confirmed_at',
  'confirmed_by',
  'created_at',
] as const;

const deposit = (reference: string) => ({
  value_date: '2026-11-10',
  amount: 1000,
  payer_kana: 'ﾀﾅｶ',
  bank_reference: reference,
  source_digest: 'd',
  status: 'unmatched' as const,
  matched_document_id: null,
  confirmed_at: null,
  confirmed_by: null,
  created_at: '2026-11-10T01:00:00.000Z',
});

describe('insertRows', () => {
  it('D-LEDGER-4: the new ids come back in row order over several statements, as the table numbered them, after rows written before', async () => {
    const l = await tempLedger();
    try {
      await insertRows(l.db, 'deposits', COLUMNS, [deposit('before-1'), deposit('before-2')]);
      // 2,000 rows a statement at most: three statements, the last of another size.
      const references = Array.from({ length: 4_501 }, (_, i) => `r${i}`);
      const ids = await insertRows(l.db, 'deposits', COLUMNS, references.map(deposit), { returning: true });
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
});
