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

/**
 * D-SEC-1: demo data (its operators have the password "demo") only ever goes into an empty ledger, which it
 * makes a demo ledger: never beside real operators and members.
 */
const loadDemoOperation = defineOperation({
  name: 'setup.loadDemo',
  roles: ['admin'],
  openBeforeSetup: true,
  input: loadDemoInput,
  audited: true,
  handler: async (ctx, input) => {
    const member = await ctx.db.selectFrom('members').select('id').limit(1).executeTakeFirst();
    if ((await operatorCount(ctx.db)) > 0 || member)
      throw Refused.of('forbidden', 'setup.demo_needs_empty_ledger', 'demo data goes only into an empty ledger');
    return loadDemo(ctx.db, { seed: input.seed, members: input.members, now: ctx.now });
  },
});

export const setupApp = {
  domain: 'setup',
  operations: [status, createFirstAdmin, loadDemoOperation],
} as const satisfies OperationApp;
