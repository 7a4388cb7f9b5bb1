import { InputError } from '../../errors';
import type { LedgerDb } from '../../ledger/open-database';
import { defineOperation, type OperationApp, type SignedInOperator } from '../operation';
import { hashPassword } from '../password';
import { createOperatorInput, listOperatorsInput, setOperatorRolesInput } from '../schemas/operators';
import { ROLES, type Role } from '../service';

/** The active operator with that login and their roles, or null. */
export async function loadOperator(
  db: LedgerDb,
  login: string,
): Promise<(SignedInOperator & { passwordHash: string }) | null> {
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
  if (taken) throw InputError.one('login', `the login ${input.login} is already taken`);
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

const create = defineOperation({
  name: 'operators.create',
  roles: ['admin'],
  input: createOperatorInput,
  audited: true,
  secretFields: ['password'],
  handler: (ctx, input) => createOperator(ctx.db, input, ctx.now.toISOString()),
});

const list = defineOperation({
  name: 'operators.list',
  roles: ['admin'],
  input: listOperatorsInput,
  audited: false,
  handler: async (ctx) => {
    const rows = await ctx.db
      .selectFrom('operators')
      .select(['id', 'login', 'display_name', 'active', 'created_at'])
      .orderBy('login')
      .execute();
    const roles = await ctx.db.selectFrom('operator_roles').select(['operator_id', 'role']).execute();
    return rows.map((r) => ({
      login: r.login,
      name: r.display_name,
      active: r.active === 1,
      roles: ROLES.filter((role) => roles.some((x) => x.operator_id === r.id && x.role === role)),
      createdAt: r.created_at,
    }));
  },
});

const setRoles = defineOperation({
  name: 'operators.setRoles',
  roles: ['admin'],
  input: setOperatorRolesInput,
  audited: true,
  handler: async (ctx, input) => {
    const operator = await loadOperator(ctx.db, input.login);
    if (!operator) throw InputError.one('login', `no operator ${input.login}`);
    // Nobody may take the last admin's role away: the catalog would have no one left to manage operators.
    if (operator.roles.includes('admin') && !input.roles.includes('admin')) {
      const admins = await ctx.db
        .selectFrom('operator_roles')
        .innerJoin('operators', 'operators.id', 'operator_roles.operator_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (Number(admins.n) <= 1) throw InputError.one('roles', 'the last admin must keep the admin role');
    }
    await ctx.db.deleteFrom('operator_roles').where('operator_id', '=', operator.id).execute();
    await ctx.db
      .insertInto('operator_roles')
      .values(input.roles.map((role) => ({ operator_id: operator.id, role })))
      .execute();
    return { login: operator.login, name: operator.name, roles: ROLES.filter((r) => input.roles.includes(r)) };
  },
});

export const operatorsApp = {
  domain: 'operators',
  operations: [create, list, setRoles],
} as const satisfies OperationApp;
