import { openDatabase, type OpenedDatabase } from '../../core/ledger/open-database';
import { freshLedgerPlace, type TestEngine } from '../support/engine';

/** A new deposit's row as a bank import writes it (DEPOSIT_COLUMNS), with the reference and amount given. */
export const depositRow = (reference: string, amount = 1000) => ({
  value_date: '2026-11-10',
  amount,
  payer_kana: 'ﾀﾅｶ',
  bank_reference: reference,
  source_digest: 'd',
  status: 'unmatched' as const,
  matched_document_id: null,
  confirmed_at: null,
  confirmed_by: null,
  created_at: '2026-11-10T01:00:00.000Z',
});

/** A freshly migrated ledger database, on the test project's engine unless one is named. */
export async function tempLedger(
  engine?: TestEngine,
): Promise<OpenedDatabase & { file: string; dir: string; dispose(): Promise<void> }> {
  const place = await freshLedgerPlace(engine);
  const opened = await openDatabase(place.location);
  return {
    ...opened,
    file: place.location,
    dir: place.dir,
    async dispose() {
      try {
        await opened.close();
      } finally {
        await place.dispose();
      }
    },
  };
}
