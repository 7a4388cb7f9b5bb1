import { InputError, Refused } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { hashPassword, needsRehash, verifyAgainstNobody, verifyPassword } from './password';
import { ROLES, type Role } from './roles';
import {
  ADDRESS_FAILURES,
  ADDRESS_WINDOW_MS,
  addressWaitUntil,
  BACKOFF_WINDOW_MS,
  signInWaitUntil,
} from './sign-in-backoff';

/** An active operator as the catalog sees them when they call. */
export interface Operator {
  id: number;
  login: string;
  name: string;
  roles: Role[];
  /** An admin reset the password: nothing but choosing a new one until then (D-SEC-6). */
  mustChangePassword: boolean;
  /** Sessions begun in an earlier generation are over (D-SEC-7). */
  sessionGeneration: number;
}

/** The active operator with that login and their roles, or null. */
export async function loadOperator(db: LedgerDb, login: string): Promise<(Operator & { passwordHash: string }) | null> {
  const row = await db
    .selectFrom('operators')
    .selectAll()
    .where('login', '=', login)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) return null;
  const roles = await db.selectFrom('operator_roles').select('role').where('operator_id', '=', row.id).execute();
  const held = new Set(roles.map((r) => r.role));
  return {
    id: row.id,
    login: row.login,
    name: row.display_name,
    roles: ROLES.filter((r) => held.has(r)),
    mustChangePassword: row.must_change_password === 1,
    sessionGeneration: Number(row.session_generation),
    passwordHash: row.password_hash,
  };
}

export const SIGN_IN_OPERATION = 'session.signIn';

/**
 * The audited sign-in attempts, newest first, of a login (those that succeeded or met a wrong password) or
 * from an address (those that met a wrong password), since `since`. The one reader of the audit log's
 * problem code for signing in: it reads `detail_code`, the log's one problem-code column (D-LEDGER-1).
 */
async function signInAttempts(db: LedgerDb, by: { login: string } | { address: string }, since: Date, limit: number) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['at', 'outcome'])
    .$call((q) =>
      'login' in by ? q.where('operator_login', '=', by.login) : q.where('client_address', '=', by.address),
    )
    .where('operation', '=', SIGN_IN_OPERATION)
    .where('at', '>', since.toISOString())
    .where((eb) =>
      'login' in by
        ? eb.or([eb('outcome', '=', 'ok'), eb('detail_code', '=', WRONG_PASSWORD)])
        : eb('detail_code', '=', WRONG_PASSWORD),
    )
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ at: r.at, failed: r.outcome !== 'ok' }));
}

const WRONG_PASSWORD = 'session.wrong_password';

/** The whole seconds a refused sign-in is told to wait. */
function secondsUntil(until: Date, now: Date): number {
  return Math.ceil((until.getTime() - now.getTime()) / 1000);
}

/** Refused before anything else when the address has failed too often lately (D-SEC-19). */
async function refuseBusyAddress(db: LedgerDb, address: string, now: Date): Promise<void> {
  const failures = await signInAttempts(db, { address }, new Date(now.getTime() - ADDRESS_WINDOW_MS), ADDRESS_FAILURES);
  const until = addressWaitUntil(
    failures.map((f) => f.at),
    now,
  );
  if (until === null) return;
  const seconds = secondsUntil(until, now);
  throw Refused.of(
    'throttled',
    'session.address_backoff',
    `too many failed sign-ins from this address: try again in ${seconds} s`,
    { seconds },
  );
}

/**
 * The operator whose login and password these are; refused the same way for an unknown login and a wrong
 * password, after the same work (D-SEC-4): a door does not confirm which logins exist. An address (D-SEC-19)
 * or a login (D-SEC-5) with recent failures waits first. A hash made with less work than today's is made again (D-SEC-3).
 */
export async function checkPassword(
  db: LedgerDb,
  login: string,
  password: string,
  now: Date,
  address: string | null = null,
): Promise<Operator> {
  if (address !== null) await refuseBusyAddress(db, address, now);
  const attempts = await signInAttempts(db, { login }, new Date(now.getTime() - BACKOFF_WINDOW_MS), 100);
  const until = signInWaitUntil(attempts, now);
  if (until !== null) {
    const seconds = secondsUntil(until, now);
    throw Refused.of('unauthenticated', 'session.backoff', `too many failed sign-ins: try again in ${seconds} s`, {
      seconds,
    });
  }
  const operator = await loadOperator(db, login);
  const right = operator ? await verifyPassword(password, operator.passwordHash) : await verifyAgainstNobody(password);
  if (!operator || !right) throw Refused.of('unauthenticated', 'session.wrong_password', 'wrong login or password');
  if (needsRehash(operator.passwordHash))
    await db
      .updateTable('operators')
      .set({ password_hash: await hashPassword(password) })
      .where('id', '=', operator.id)
      .execute();
  const { passwordHash: _, ...signedIn } = operator;
  return signedIn;
}

export async function operatorCount(db: LedgerDb): Promise<number> {
  const { n } = await db
    .selectFrom('operators')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export interface NewOperator {
  login: string;
  displayName: string;
  password: string;
  roles: Role[];
}

/** Creates an operator with a scrypt password hash; a login already taken is refused naming `login`. */
export async function createOperator(db: LedgerDb, input: NewOperator, at: string) {
  const taken = await db.selectFrom('operators').select('id').where('login', '=', input.login).executeTakeFirst();
  if (taken)
    throw InputError.one('login', 'login.taken', `the login ${input.login} is already taken`, { login: input.login });
  const { id } = await db
    .insertInto('operators')
    .values({
      login: input.login,
      display_name: input.displayName,
      password_hash: await hashPassword(input.password),
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('operator_roles')
    .values(input.roles.map((role) => ({ operator_id: id, role })))
    .execute();
  return { login: input.login, name: input.displayName, roles: ROLES.filter((r) => input.roles.includes(r)) };
}

/** Every operator, active or not, by login. */
export async function listOperators(db: LedgerDb) {
  const rows = await db
    .selectFrom('operators')
    .select(['id', 'login', 'display_name', 'active', 'created_at', 'must_change_password'])
    .orderBy('login')
    .execute();
  const roles = await db.selectFrom('operator_roles').select(['operator_id', 'role']).execute();
  return rows.map((r) => ({
    login: r.login,
    name: r.display_name,
    active: r.active === 1,
    roles: ROLES.filter((role) => roles.some((x) => x.operator_id === r.id && x.role === role)),
    createdAt: r.created_at,
    mustChangePassword: r.must_change_password === 1,
  }));
}

/**
 * Gives an operator exactly these roles. Nobody may take the last admin's role away: the catalog would have no
 * one left to manage operators.
 */
export async function setOperatorRoles(db: LedgerDb, login: string, roles: Role[]) {
  const operator = await loadOperator(db, login);
  if (!operator) throw InputError.one('login', 'operator.not_found', `no operator ${login}`, { login });
  if (operator.roles.includes('admin') && !roles.includes('admin') && (await activeAdmins(db)) <= 1)
    throw InputError.one('roles', 'roles.last_admin', 'the last admin must keep the admin role');
  await db.deleteFrom('operator_roles').where('operator_id', '=', operator.id).execute();
  await db
    .insertInto('operator_roles')
    .values(roles.map((role) => ({ operator_id: operator.id, role })))
    .execute();
  return { login: operator.login, name: operator.name, roles: ROLES.filter((r) => roles.includes(r)) };
}

async function activeAdmins(db: LedgerDb): Promise<number> {
  const admins = await db
    .selectFrom('operator_roles')
    .innerJoin('operators', 'operators.id', 'operator_roles.operator_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(admins.n);
}

/** Any operator, active or not, by login; unknown: refused naming `login`. */
async function operatorRow(db: LedgerDb, login: string) {
  const row = await db.selectFrom('operators').selectAll().where('login', '=', login).executeTakeFirst();
  if (!row) throw InputError.one('login', 'operator.not_found', `no operator ${login}`, { login });
  return row;
}

/** Ends every session of the operator at once: the next call of each is refused (D-SEC-7). */
async function endSessions(db: LedgerDb, id: number): Promise<void> {
  await db
    .updateTable('operators')
    .set((eb) => ({ session_generation: eb('session_generation', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/**
 * Deactivates an operator (they can no longer sign in, and their sessions end at once) or reactivates one.
 * Nobody deactivates the last active admin, nor themselves (an admin locked out by their own click).
 */
export async function setOperatorActive(db: LedgerDb, login: string, active: boolean, by: string) {
  const row = await operatorRow(db, login);
  if (!active) {
    if (login === by) throw InputError.one('login', 'operator.deactivate_self', 'you cannot deactivate yourself');
    const isAdmin = await db
      .selectFrom('operator_roles')
      .select('role')
      .where('operator_id', '=', row.id)
      .where('role', '=', 'admin')
      .executeTakeFirst();
    if (isAdmin && row.active === 1 && (await activeAdmins(db)) <= 1)
      throw InputError.one('login', 'roles.last_admin', 'the last admin must stay active');
    await endSessions(db, row.id);
  }
  const changed = (row.active === 1) !== active;
  if (changed)
    await db
      .updateTable('operators')
      .set({ active: active ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
  return { login, active, changed };
}

/**
 * An admin gives an operator a new password (told to them by the admin): every session of theirs ends, and at
 * the next sign-in they must choose their own before anything else (D-SEC-6).
 */
export async function resetOperatorPassword(db: LedgerDb, login: string, password: string) {
  const row = await operatorRow(db, login);
  await db
    .updateTable('operators')
    .set({ password_hash: await hashPassword(password), must_change_password: 1 })
    .where('id', '=', row.id)
    .execute();
  await endSessions(db, row.id);
  return { login, mustChangePassword: true };
}

/**
 * An operator chooses a new password, proving the current one; every session of theirs ends, this one too:
 * they sign in again with the new password (D-SEC-7).
 */
export async function changeOwnPassword(db: LedgerDb, login: string, current: string, next: string) {
  const operator = await loadOperator(db, login);
  if (!operator) throw Refused.of('unauthenticated', 'operator.not_found', `no active operator ${login}`, { login });
  if (!(await verifyPassword(current, operator.passwordHash)))
    throw InputError.one('currentPassword', 'password.wrong_current', 'this is not your current password');
  if (current === next)
    throw InputError.one('newPassword', 'password.unchanged', 'choose a password other than the current one');
  await db
    .updateTable('operators')
    .set({ password_hash: await hashPassword(next), must_change_password: 0 })
    .where('id', '=', operator.id)
    .execute();
  await endSessions(db, operator.id);
  return { login, signedOut: true };
}

/** Ends every session of an operator (sign-out everywhere). */
export async function signOutEverywhere(db: LedgerDb, login: string) {
  const row = await operatorRow(db, login);
  await endSessions(db, row.id);
  return { login };
}
