import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { nextDocumentNumber } from '../../core/ledger/counters';
import type { LedgerDb } from '../../core/ledger/open-database';
import { tempLedger } from './helpers';

describe('document numbers', () => {
  it('are gapless per kind and year, and a rolled-back transaction gives its number back', async () => {
    const l = await tempLedger();
    try {
      expect(await nextDocumentNumber(l.db, 'estimate', 2026)).toBe('EST-2026-000001');
      expect(await nextDocumentNumber(l.db, 'estimate', 2026)).toBe('EST-2026-000002');
      expect(await nextDocumentNumber(l.db, 'statement', 2026)).toBe('BIL-2026-000001');
      expect(await nextDocumentNumber(l.db, 'estimate', 2027)).toBe('EST-2027-000001');
      await expect(
        l.db.transaction().execute(async (trx: LedgerDb) => {
          await nextDocumentNumber(trx, 'estimate', 2026);
          throw new Error('the document could not be written');
        }),
      ).rejects.toThrow('could not be written');
      expect(await nextDocumentNumber(l.db, 'estimate', 2026)).toBe('EST-2026-000003');
    } finally {
      await l.dispose();
    }
  });

  it('migrations run once: reopening a database keeps its rows and applies nothing twice', async () => {
    const l = await tempLedger();
    try {
      await nextDocumentNumber(l.db, 'invoice', 2026);
      await l.close();
      const { openDatabase } = await import('../../core/ledger/open-database');
      const again = await openDatabase(l.file);
      const { migrations } = await import('../../core/ledger/migrations');
      const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(again.db);
      const applied = rows.map((r) => r.name);
      expect(applied).toEqual(Object.keys(migrations));
      expect(applied[0]).toBe('0001_initial');
      if (again.engine === 'sqlite') {
        expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      }
      expect(await nextDocumentNumber(again.db, 'invoice', 2026)).toBe('INV-2026-000002');
      await again.close();
    } finally {
      await l.dispose().catch(() => undefined);
    }
  });
});
