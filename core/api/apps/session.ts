import { checkPassword, rolesAllow } from '../../parties';
import { Refused } from '../../errors';
import { defineOperation, type OperationApp } from '../operation';
import { clockInput, signInInput } from '../schemas/session';

const signIn = defineOperation({
  name: 'session.signIn',
  roles: [],
  input: signInInput,
  audited: true,
  secretFields: ['password'],
  auditActor: (input) => (input as { login: string }).login,
  handler: async (ctx, input) => {
    const operator = await checkPassword(ctx.db, input.login, input.password);
    if (!operator) throw Refused.of('unauthenticated', 'session.wrong_password', 'wrong login or password');
    // What the screens may offer this operator (menus, buttons): the catalog's roles, the one home of who may.
    const operations = [...ctx.operationRoles]
      .filter(([, allowed]) => allowed.length > 0 && rolesAllow(allowed, operator.roles))
      .map(([name]) => name)
      .sort();
    return { login: operator.login, name: operator.name, roles: operator.roles, operations };
  },
});

/**
 * The back office's own "now": the renderer dates its defaults (today, last month) by it rather than by the
 * desktop's clock, so every door agrees on the day (and a test's fixed clock reaches the screen too).
 */
const clock = defineOperation({
  name: 'session.clock',
  roles: [],
  input: clockInput,
  audited: false,
  handler: async (ctx) => ({ now: ctx.now.toISOString() }),
});

export const sessionApp = { domain: 'session', operations: [signIn, clock] } as const satisfies OperationApp;
