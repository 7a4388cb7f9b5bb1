import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { DEFAULT_MAPPINGS, unmappedAccounts, type AccountMapping, type JournalTarget } from './mapping';

export interface StoredMapping {
  target: JournalTarget;
  /** 0: the default (D-JRN-1), never saved. */
  version: number;
  accounts: AccountMapping;
  savedAt: string | null;
  savedBy: string | null;
}

/** The mapping in force for a package: its latest saved version, or the default. */
export async function currentMapping(db: LedgerDb, target: JournalTarget): Promise<StoredMapping> {
  const row = await db
    .selectFrom('journal_mappings')
    .select(['version', 'accounts', 'created_at', 'created_by'])
    .where('target', '=', target)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { target, version: 0, accounts: DEFAULT_MAPPINGS[target], savedAt: null, savedBy: null };
  const accounts = JSON.parse(row.accounts) as AccountMapping;
  const missing = unmappedAccounts(accounts);
  if (missing.length > 0)
    throw InputError.one(
      'target',
      'journal.account_unmapped',
      `the ${target} mapping (version ${row.version}) has no entry for ${missing.join(', ')}: save it again`,
      { account: missing.join(', '), target },
    );
  return { target, version: Number(row.version), accounts, savedAt: row.created_at, savedBy: row.created_by };
}

/** Every saved version of a package's mapping, newest first (the history an auditor reads). */
export async function mappingHistory(db: LedgerDb, target: JournalTarget): Promise<StoredMapping[]> {
  const rows = await db
    .selectFrom('journal_mappings')
    .select(['version', 'accounts', 'created_at', 'created_by'])
    .where('target', '=', target)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({
    target,
    version: Number(r.version),
    accounts: JSON.parse(r.accounts) as AccountMapping,
    savedAt: r.created_at,
    savedBy: r.created_by,
  }));
}

/** D-JRN-3: a save is a new version (the table is append-only); an export names the version it used. */
export async function saveMapping(
  db: LedgerDb,
  target: JournalTarget,
  accounts: AccountMapping,
  at: string,
  by: string | null,
): Promise<StoredMapping> {
  const latest = await db
    .selectFrom('journal_mappings')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('target', '=', target)
    .executeTakeFirst();
  const version = Number(latest?.v ?? 0) + 1;
  await db
    .insertInto('journal_mappings')
    .values({ target, version, accounts: JSON.stringify(accounts), created_at: at, created_by: by })
    .execute();
  return { target, version, accounts, savedAt: at, savedBy: by };
}
