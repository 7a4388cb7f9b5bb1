import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { hashPassword, verifyPassword } from './password';
import { ROLES, type Role } from './roles';

/** An active operator as the catalog sees them when they call. */
export interface Operator {
  id: number;
  login: string;
  name: string;
  roles: Role[];
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
    passwordHash: row.password_hash,
  };
}

/**
 * The operator whose login and password these are, or null. The same null for an unknown login and a wrong
 * password: a door does not confirm which logins exist.
 */
export async function checkPassword(db: LedgerDb, login: string, password: string): Promise<Operator | null> {
  const operator = await loadOperator(db, login);
  if (!operator || !(await verifyPassword(password, operator.passwordHash))) return null;
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
    .select(['id', 'login', 'display_name', 'active', 'created_at'])
    .orderBy('login')
    .execute();
  const roles = await db.selectFrom('operator_roles').select(['operator_id', 'role']).execute();
  return rows.map((r) => ({
    login: r.login,
    name: r.display_name,
    active: r.active === 1,
    roles: ROLES.filter((role) => roles.some((x) => x.operator_id === r.id && x.role === role)),
    createdAt: r.created_at,
  }));
}

/**
 * Gives an operator exactly these roles. Nobody may take the last admin's role away: the catalog would have no
 * one left to manage operators.
 */
export async function setOperatorRoles(db: LedgerDb, login: string, roles: Role[]) {
  const operator = await loadOperator(db, login);
  if (!operator) throw InputError.one('login', 'operator.not_found', `no operator ${login}`, { login });
  if (operator.roles.includes('admin') && !roles.includes('admin')) {
    const admins = await db
      .selectFrom('operator_roles')
      .innerJoin('operators', 'operators.id', 'operator_roles.operator_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    if (Number(admins.n) <= 1)
      throw InputError.one('roles', 'roles.last_admin', 'the last admin must keep the admin role');
  }
  await db.deleteFrom('operator_roles').where('operator_id', '=', operator.id).execute();
  await db
    .insertInto('operator_roles')
    .values(roles.map((role) => ({ operator_id: operator.id, role })))
    .execute();
  return { login: operator.login, name: operator.name, roles: ROLES.filter((r) => roles.includes(r)) };
}
