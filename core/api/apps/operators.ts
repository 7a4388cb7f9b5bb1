import { createOperator, listOperators, setOperatorRoles } from '../../parties';
import { defineOperation, type OperationApp } from '../operation';
import { createOperatorInput, listOperatorsInput, setOperatorRolesInput } from '../schemas/operators';

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

export const operatorsApp = {
  domain: 'operators',
  operations: [create, list, setRoles],
} as const satisfies OperationApp;
