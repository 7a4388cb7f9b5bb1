import { loadDemo } from '../../demo/load-demo';
import { Refused } from '../../errors';
import { defineOperation, type OperationApp } from '../operation';
import { createFirstAdminInput, loadDemoInput, setupStatusInput } from '../schemas/setup';
import { createOperator, operatorCount } from '../../parties';

const status = defineOperation({
  name: 'setup.status',
  roles: [],
  input: setupStatusInput,
  audited: false,
  handler: async (ctx) => ({ hasOperators: (await operatorCount(ctx.db)) > 0 }),
});

const createFirstAdmin = defineOperation({
  name: 'setup.createFirstAdmin',
  roles: [],
  input: createFirstAdminInput,
  audited: true,
  secretFields: ['password'],
  handler: async (ctx, input) => {
    if ((await operatorCount(ctx.db)) > 0)
      throw Refused.of('forbidden', 'setup.done', 'setup is done: an admin creates operators');
    return createOperator(ctx.db, { ...input, roles: ['admin'] }, ctx.now.toISOString());
  },
});

const loadDemoOperation = defineOperation({
  name: 'setup.loadDemo',
  roles: ['admin'],
  openBeforeSetup: true,
  input: loadDemoInput,
  audited: true,
  handler: (ctx, input) => loadDemo(ctx.db, { seed: input.seed, members: input.members, now: ctx.now }),
});

export const setupApp = {
  domain: 'setup',
  operations: [status, createFirstAdmin, loadDemoOperation],
} as const satisfies OperationApp;
