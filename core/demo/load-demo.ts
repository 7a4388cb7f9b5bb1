import type { LedgerDb } from '../ledger/open-database';

export interface DemoOptions {
  seed: number;
  members: number;
  now: Date;
}

export async function loadDemo(_db: LedgerDb, _options: DemoOptions): Promise<{ members: number }> {
  throw new Error('not yet');
}
