import { InputError, Refused } from '../errors';
import type { ProblemArgs, ProblemCode } from '../problem-codes';
import type { LedgerDb } from '../ledger/open-database';
import { addMonthsToInstant } from '../time';
import { hasValidCheck, normalizeCode } from './code';
import { hashCode, prepaidCodeKey } from './code-key';
import { EXPIRY_MONTHS, REGISTRATION_FAILURE_LIMIT, REGISTRATION_WINDOW_MS } from './settings';

export const REGISTER_OPERATION = 'prepaid.register';

export interface Registration {
  outcome: 'registered' | 'unchanged';
  cloudAccountCode: string;
  codeHint: string;
  amount: string;
  balance: string;
  registeredAt: string;
  expiresAt: string;
}

/**
 * Every refusal of a code for an account is a forbidden Refused whose message starts with "CA-000123: ": the
 * operation catalog writes it to the audit log (outside the refused transaction), and the throttle counts
 * those audit rows, so failures are recorded and audited by the same single write.
 */
function refused<C extends ProblemCode>(
  accountCode: string,
  code: C,
  message: string,
  ...params: ProblemArgs<C>
): Refused {
  return Refused.of('forbidden', code, `${accountCode}: ${message}`, ...params);
}

/**
 * The time until which registration on the account is locked, or null: 5 refusals within 15 minutes lock it
 * for 15 minutes from the 5th.
 */
export async function registrationLockedUntil(db: LedgerDb, accountCode: string, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - 2 * REGISTRATION_WINDOW_MS).toISOString();
  const failures = await db
    .selectFrom('audit_log')
    .select('at')
    .where('operation', '=', REGISTER_OPERATION)
    .where('outcome', '=', 'forbidden')
    .where('at', '>', since)
    .where('detail', 'like', `${accountCode}: %`)
    .orderBy('at', 'desc')
    .limit(REGISTRATION_FAILURE_LIMIT)
    .execute();
  if (failures.length < REGISTRATION_FAILURE_LIMIT) return null;
  const newest = Date.parse(failures[0]!.at);
  const oldest = Date.parse(failures[failures.length - 1]!.at);
  if (newest - oldest >= REGISTRATION_WINDOW_MS) return null;
  const until = newest + REGISTRATION_WINDOW_MS;
  return until > now.getTime() ? new Date(until) : null;
}

/**
 * Registers a prepaid ID on a cloud account (R-PRE-4, R-PRE-5, R-PRE-6): only on an account of the member who
 * paid for it, never moved once registered, void after its registration deadline; it expires 12 months after
 * registration, same JST time, clamped to month end. Registering again on the same account changes nothing.
 */
export async function registerPrepaidId(
  db: LedgerDb,
  input: { cloudAccountCode: string; code: string },
  now: Date,
): Promise<Registration> {
  const account = await db
    .selectFrom('cloud_accounts')
    .selectAll()
    .where('code', '=', input.cloudAccountCode)
    .executeTakeFirst();
  if (!account)
    throw InputError.one('cloudAccountCode', 'cloud_account.not_found', `no cloud account ${input.cloudAccountCode}`, {
      code: input.cloudAccountCode,
    });
  const code = normalizeCode(input.code);
  if (!hasValidCheck(code))
    throw InputError.one(
      'code',
      'prepaid.code_invalid',
      'not a prepaid ID: 16 characters such as PP7K-2Q9D-XM4T-8HRC; check for a typo',
    );
  const locked = await registrationLockedUntil(db, account.code, now);
  if (locked)
    throw Refused.of(
      'forbidden',
      'prepaid.registration_locked',
      `registration on ${account.code} is locked until ${locked.toISOString()} after repeated wrong prepaid IDs`,
      { account: account.code, until: locked.toISOString() },
    );
  if (account.closed_at !== null || account.status === 'terminated')
    throw refused(account.code, 'cloud_account.closed', 'the account is closed');
  const hash = hashCode(await prepaidCodeKey(db), code);
  const row = await db.selectFrom('prepaid_ids').selectAll().where('code', '=', hash).executeTakeFirst();
  if (!row) throw refused(account.code, 'prepaid.code_unknown', 'no prepaid ID matches this code');
  if (row.member_id !== account.member_id)
    throw refused(account.code, 'prepaid.other_member', 'this prepaid ID was bought by another member (R-PRE-4)');
  const view = (outcome: Registration['outcome'], r: typeof row): Registration => ({
    outcome,
    cloudAccountCode: account.code,
    codeHint: r.code_hint ?? code.slice(-4),
    amount: String(r.amount),
    balance: String(r.balance),
    registeredAt: r.registered_at ?? '',
    expiresAt: r.expires_at ?? '',
  });
  if (row.status === 'registered' && row.cloud_account_id === account.id) return view('unchanged', row);
  if (row.status === 'registered')
    throw refused(
      account.code,
      'prepaid.registered_elsewhere',
      'already registered on another cloud account; it cannot be moved (R-PRE-4)',
    );
  const at = now.toISOString();
  if (row.status !== 'issued' || (row.registration_deadline !== null && row.registration_deadline < at)) {
    throw refused(
      account.code,
      'prepaid.void',
      `this prepaid ID is void: its registration period ended on ${row.registration_deadline ?? 'its deadline'} (R-PRE-5)`,
      { deadline: row.registration_deadline ?? '' },
    );
  }
  const expiresAt = new Date(addMonthsToInstant(now.getTime(), EXPIRY_MONTHS)).toISOString();
  const updated = await db
    .updateTable('prepaid_ids')
    .set({ status: 'registered', cloud_account_id: account.id, registered_at: at, expires_at: expiresAt })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return view('registered', updated);
}
