import {
  createOperator,
  listOperators,
  resetOperatorPassword,
  setOperatorActive,
  setOperatorRoles,
  signOutEverywhere,
} from '../../parties';
import { defineOperation, type OperationApp } from '../operation';
import {
  createOperatorInput,
  listOperatorsInput,
  operatorLoginInput,
  resetPasswordInput,
  setOperatorRolesInput,
} from '../schemas/operators';

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
  handler: (ctx) => listOperators(ctx.db),
});

const setRoles = defineOperation({
  name: 'operators.setRoles',
  roles: ['admin'],
  input: setOperatorRolesInput,
  audited: true,
  handler: (ctx, input) => setOperatorRoles(ctx.db, input.login, input.roles),
});

/** The operator can no longer sign in, and every session of theirs ends at once (D-SEC-7). */
const deactivate = defineOperation({
  name: 'operators.deactivate',
  roles: ['admin'],
  input: operatorLoginInput,
  audited: true,
  handler: (ctx, input) => setOperatorActive(ctx.db, input.login, false, ctx.operator!.login),
});

const reactivate = defineOperation({
  name: 'operators.reactivate',
  roles: ['admin'],
  input: operatorLoginInput,
  audited: true,
  handler: (ctx, input) => setOperatorActive(ctx.db, input.login, true, ctx.operator!.login),
});

/** A new password the admin hands over; the operator must choose their own at the next sign-in (D-SEC-6). */
const resetPassword = defineOperation({
  name: 'operators.resetPassword',
  roles: ['admin'],
  input: resetPasswordInput,
  audited: true,
  secretFields: ['password'],
  handler: (ctx, input) => resetOperatorPassword(ctx.db, input.login, input.password),
});

/** Ends every session of an operator, on every machine (D-SEC-7). */
const endSessions = defineOperation({
  name: 'operators.signOutEverywhere',
  roles: ['admin'],
  input: operatorLoginInput,
  audited: true,
  handler: (ctx, input) => signOutEverywhere(ctx.db, input.login),
});

export const operatorsApp = {
  domain: 'operators',
  operations: [create, list, setRoles, deactivate, reactivate, resetPassword, endSessions],
} as const satisfies OperationApp;
