import {
  cloudAccountView,
  cloudAccountWithHistory,
  createCloudAccount,
  findMember,
  memberCloudAccounts,
} from '../../parties';
import { defineOperation, type OperationApp } from '../operation';
import { closeCloudAccount } from '../../prepaid/close-account';
import {
  closeCloudAccountInput,
  createCloudAccountInput,
  getCloudAccountInput,
  listCloudAccountsInput,
} from '../schemas/cloud-accounts';

const create = defineOperation({
  name: 'cloudAccounts.create',
  roles: ['sales'],
  input: createCloudAccountInput,
  audited: true,
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    const row = await createCloudAccount(ctx.db, member.id, input.label, ctx.now.toISOString());
    return cloudAccountView(row, member.member_number);
  },
});

const list = defineOperation({
  name: 'cloudAccounts.list',
  roles: ['sales', 'accounting', 'supervisor'],
  input: listCloudAccountsInput,
  audited: false,
  handler: async (ctx, input) => memberCloudAccounts(ctx.db, await findMember(ctx.db, input.memberNumber)),
});

const get = defineOperation({
  name: 'cloudAccounts.get',
  roles: ['sales', 'accounting', 'supervisor'],
  input: getCloudAccountInput,
  audited: false,
  handler: (ctx, input) => cloudAccountWithHistory(ctx.db, input.code),
});

/** R-PRE-11: accounting closes a cloud account: prepaid balances voided and posted, a platform command queued. */
const close = defineOperation({
  name: 'cloudAccounts.close',
  roles: ['accounting'],
  input: closeCloudAccountInput,
  audited: true,
  handler: (ctx, input) => closeCloudAccount(ctx.db, input, { now: ctx.now, by: ctx.operator?.login ?? null }),
});

export const cloudAccountsApp = {
  domain: 'cloudAccounts',
  operations: [create, list, get, close],
} as const satisfies OperationApp;
