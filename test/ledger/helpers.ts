import { openDatabase, type OpenedDatabase } from '../../core/ledger/open-database';
import { freshLedgerPlace, type TestEngine } from '../support/engine';

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
