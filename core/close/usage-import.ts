import { createHash } from 'node:crypto';
import { InputError, type FieldProblem } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { rateUsage, type Bill } from '../rating';
import { parseMonth } from '../time';
import { monthCloseState } from './month-state';
import { plansForMonth } from '../billing/price-plans-store';

export interface UsageImportResult {
  imported: boolean;
  /** Set when nothing was written because the same bytes were imported before. */
  message: string;
  usageImportId: number;
  month: string;
  accounts: number;
  digest: string;
  /** The imports withdrawn because this file replaced them (`replace`: their accounts' usage is in this one). */
  replaced: number[];
}

/** SQLite allows a limited number of bound values per statement. */
const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

function parseJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch (e) {
    throw InputError.one('file', 'file.not_json', `not JSON (${e instanceof Error ? e.message : String(e)})`, {
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

/** Rates the file exactly as the close will (same month's prices): a file that cannot be rated is refused. */
export async function rateStoredUsage(db: LedgerDb, usage: unknown, month: string): Promise<Bill> {
  return rateUsage(usage, await plansForMonth(db, month));
}

/**
 * Stores a month's usage file (shared/contracts/rating.md) for the close. Idempotent per content: the same
 * bytes a second time write nothing and say so. Refused, nothing written: a file that does not rate, a file
 * for a month whose close has started, usage of unknown cloud accounts (listed), and an account whose usage
 * of the month is already in another file, naming that import (decision: one file per account and month, see
 * close-month.ts). With `replace`, those other imports are withdrawn instead, whole (D-CLOSE-2), while the
 * month is open.
 */
export async function importUsage(
  db: LedgerDb,
  content: string,
  at: string,
  by: string | null,
  options: { replace?: boolean } = {},
): Promise<UsageImportResult> {
  const digest = createHash('sha256').update(content).digest('hex');
  const usage = parseJson(content);
  const monthKey = parseMonth((usage as { month?: unknown } | null)?.month, 'month').key;
  const same = await db
    .selectFrom('usage_imports')
    .select(['id', 'month'])
    .where('content_digest', '=', digest)
    .executeTakeFirst();
  if (same) {
    const accounts = await db
      .selectFrom('usage_accounts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('usage_import_id', '=', same.id)
      .executeTakeFirstOrThrow();
    return {
      imported: false,
      message: `already imported (usage import ${same.id}); nothing written`,
      usageImportId: same.id,
      month: same.month,
      accounts: Number(accounts.n),
      digest,
      replaced: [],
    };
  }
  const state = await monthCloseState(db, monthKey);
  if (state !== 'open')
    throw InputError.one(
      'month',
      'month.closed',
      `${monthKey} is ${state === 'closed' ? 'closed' : 'being closed'}: its bills are final; correct with a credit note in a later month`,
      { month: monthKey },
    );

  const bill = await rateStoredUsage(db, usage, monthKey);
  const codes = bill.accounts.map((a) => a.account);
  const known = new Map<string, number>();
  for (const part of chunks(codes)) {
    const rows = await db.selectFrom('cloud_accounts').select(['id', 'code']).where('code', 'in', part).execute();
    for (const r of rows) known.set(r.code, r.id);
  }
  const problems = codes.flatMap((code, i): FieldProblem[] =>
    known.has(code)
      ? []
      : [
          {
            path: `accounts[${i}].account`,
            code: 'cloud_account.not_found',
            params: { code },
            message: `no cloud account ${code}`,
          },
        ],
  );
  if (problems.length > 0) throw new InputError(problems);
  const elsewhere: FieldProblem[] = [];
  for (const part of chunks(codes)) {
    const rows = await db
      .selectFrom('usage_accounts')
      .select(['account_code', 'usage_import_id'])
      .where('month', '=', monthKey)
      .where('account_code', 'in', part)
      .execute();
    for (const r of rows) {
      elsewhere.push({
        path: `accounts[${codes.indexOf(r.account_code)}].account`,
        code: 'usage.account_in_other_file',
        params: { account: r.account_code, month: monthKey, usageImportId: r.usage_import_id },
        message: `${r.account_code}'s usage of ${monthKey} is already in usage import ${r.usage_import_id}: one file per account and month`,
      });
    }
  }
  const replaced = [...new Set(elsewhere.map((p) => Number(p.params?.['usageImportId'])))].sort((a, b) => a - b);
  if (elsewhere.length > 0 && !options.replace) throw new InputError(elsewhere);
  for (const old of replaced) await deleteImport(db, old);

  const { id } = await db
    .insertInto('usage_imports')
    .values({ month: monthKey, content_digest: digest, content, imported_at: at, imported_by: by })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const part of chunks(codes)) {
    await db
      .insertInto('usage_accounts')
      .values(part.map((code) => ({ month: monthKey, account_code: code, usage_import_id: id })))
      .execute();
  }
  return {
    imported: true,
    message:
      `imported ${codes.length} account(s) for ${monthKey}` +
      (replaced.length > 0 ? `, replacing usage import(s) ${replaced.join(', ')}` : ''),
    usageImportId: id,
    month: monthKey,
    accounts: codes.length,
    digest,
    replaced,
  };
}

async function deleteImport(db: LedgerDb, id: number): Promise<void> {
  await db.deleteFrom('usage_accounts').where('usage_import_id', '=', id).execute();
  await db.deleteFrom('usage_imports').where('id', '=', id).execute();
}

export interface WithdrawnImport {
  usageImportId: number;
  month: string;
  accounts: number;
  message: string;
}

/**
 * An open month's usage import withdrawn: the file and its accounts are removed, so its month closes without
 * it (or with a corrected file imported again). Refused once the month's close has started (its bills come
 * from it). The audit entry of the call keeps the trace.
 */
export async function withdrawUsageImport(db: LedgerDb, usageImportId: number): Promise<WithdrawnImport> {
  const row = await db
    .selectFrom('usage_imports')
    .select(['id', 'month'])
    .where('id', '=', usageImportId)
    .executeTakeFirst();
  if (!row)
    throw InputError.one('usageImportId', 'usage_import.not_found', `no usage import ${usageImportId}`, {
      usageImportId,
    });
  const state = await monthCloseState(db, row.month);
  if (state !== 'open')
    throw InputError.one(
      'usageImportId',
      'month.closed',
      `${row.month} is ${state === 'closed' ? 'closed' : 'being closed'}: its usage imports stay`,
      { month: row.month },
    );
  const accounts = await db
    .selectFrom('usage_accounts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('usage_import_id', '=', usageImportId)
    .executeTakeFirstOrThrow();
  await deleteImport(db, usageImportId);
  return {
    usageImportId,
    month: row.month,
    accounts: Number(accounts.n),
    message: `usage import ${usageImportId} of ${row.month} withdrawn (${Number(accounts.n)} account(s))`,
  };
}

export interface StoredUsageImport {
  usageImportId: number;
  month: string;
  accounts: number;
  importedAt: string;
  importedBy: string | null;
  /** Whether it can still be withdrawn or replaced (its month is open). */
  open: boolean;
}

/** The usage imports of a month (or every month), newest first. */
export async function listUsageImports(db: LedgerDb, month?: string): Promise<StoredUsageImport[]> {
  let query = db
    .selectFrom('usage_imports')
    .leftJoin('month_closes', 'month_closes.month', 'usage_imports.month')
    .select((eb) => [
      'usage_imports.id',
      'usage_imports.month',
      'usage_imports.imported_at',
      'usage_imports.imported_by',
      'month_closes.started_at',
      eb
        .selectFrom('usage_accounts')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('usage_accounts.usage_import_id', '=', 'usage_imports.id')
        .as('accounts'),
    ])
    .orderBy('usage_imports.id', 'desc');
  if (month) query = query.where('usage_imports.month', '=', month);
  const rows = await query.execute();
  return rows.map((r) => ({
    usageImportId: r.id,
    month: r.month,
    accounts: Number(r.accounts ?? 0),
    importedAt: r.imported_at,
    importedBy: r.imported_by,
    open: r.started_at === null,
  }));
}
