import { changeOwnPassword, checkPassword, rolesAllow, signOutEverywhere } from '../../parties';
import { ROLES } from '../../parties/roles';
import { defineOperation, type OperationApp } from '../operation';
import { changePasswordInput, clockInput, signInInput, signOutEverywhereInput } from '../schemas/session';

const signIn = defineOperation({
  name: 'session.signIn',
  roles: [],
  input: signInInput,
  audited: true,
  secretFields: ['password'],
  auditActor: (input) => (input as { login: string }).login,
  handler: async (ctx, input) => {
    const operator = await checkPassword(ctx.db, input.login, input.password, ctx.now, ctx.address);
    // What the screens may offer this operator (menus, buttons): the catalog's roles, the one home of who may.
    const operations = [...ctx.operationRoles]
      .filter(([, allowed]) => allowed.length > 0 && rolesAllow(allowed, operator.roles))
      .map(([name]) => name)
      .sort();
    return {
      login: operator.login,
      name: operator.name,
      roles: operator.roles,
      operations,
      mustChangePassword: operator.mustChangePassword,
      /** The transport keeps it with the session: a later generation ends the session (D-SEC-7). */
      sessionGeneration: operator.sessionGeneration,
    };
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

/** Every operator changes their own password; every session of theirs ends, this one too (D-SEC-7). */
const changePassword = defineOperation({
  name: 'session.changePassword',
  roles: [...ROLES],
  allowedBeforePasswordChange: true,
  input: changePasswordInput,
  audited: true,
  secretFields: ['currentPassword', 'newPassword'],
  handler: (ctx, input) => changeOwnPassword(ctx.db, ctx.operator!.login, input.currentPassword, input.newPassword),
});

/** Ends every session of the caller, on every machine (D-SEC-7). */
const signOutEverywhereOperation = defineOperation({
  name: 'session.signOutEverywhere',
  roles: [...ROLES],
  allowedBeforePasswordChange: true,
  input: signOutEverywhereInput,
  audited: true,
  handler: (ctx) => signOutEverywhere(ctx.db, ctx.operator!.login),
});

export const sessionApp = {
  domain: 'session',
  operations: [signIn, clock, changePassword, signOutEverywhereOperation],
} as const satisfies OperationApp;
