import { defineOperation, UnauthenticatedError, type OperationApp } from '../operation';
import { verifyPassword } from '../password';
import { clockInput, signInInput } from '../schemas/session';
import { loadOperator } from './operators';

const signIn = defineOperation({
  name: 'session.signIn',
  roles: [],
  input: signInInput,
  audited: true,
  secretFields: ['password'],
  auditActor: (input) => (input as { login: string }).login,
  handler: async (ctx, input) => {
    const operator = await loadOperator(ctx.db, input.login);
    // The same answer for an unknown login and a wrong password: the door does not confirm which logins exist.
    if (!operator || !(await verifyPassword(input.password, operator.passwordHash))) {
      throw new UnauthenticatedError('wrong login or password');
    }
    return { login: operator.login, name: operator.name, roles: operator.roles };
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
