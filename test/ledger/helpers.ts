import path from 'node:path';
import { openDatabase, type OpenedDatabase } from '../../core/ledger/open-database';
import { tempDir } from '../api/helpers';

/** A freshly migrated ledger database on a temp file. */
export async function tempLedger(): Promise<OpenedDatabase & { file: string; dispose(): Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'ledger.db');
  const opened = await openDatabase(file);
  return {
    ...opened,
    file,
    async dispose() {
      await opened.close();
      cleanup();
    },
  };
}
