import { createMember, memberView, memberWithAccounts, searchMembers, updateMember } from '../../parties';
import { defineOperation, type OperationApp } from '../operation';
import { createMemberInput, getMemberInput, searchMembersInput, updateMemberInput } from '../schemas/members';

const create = defineOperation({
  name: 'members.create',
  roles: ['sales'],
  input: createMemberInput,
  audited: true,
  handler: async (ctx, input) => memberView(await createMember(ctx.db, input, ctx.now.toISOString())),
});

const update = defineOperation({
  name: 'members.update',
  roles: ['sales'],
  input: updateMemberInput,
  audited: true,
  handler: async (ctx, { memberNumber, ...changes }) =>
    memberView(await updateMember(ctx.db, memberNumber, changes, ctx.now.toISOString())),
});

const get = defineOperation({
  name: 'members.get',
  roles: ['sales', 'accounting', 'supervisor'],
  input: getMemberInput,
  audited: false,
  handler: (ctx, input) => memberWithAccounts(ctx.db, input.memberNumber),
});

/** By member number, e-mail, kana or name (core/parties searchMembers). */
const search = defineOperation({
  name: 'members.search',
  roles: ['sales', 'accounting', 'supervisor'],
  input: searchMembersInput,
  audited: false,
  handler: (ctx, input) => searchMembers(ctx.db, input),
});

export const membersApp = {
  domain: 'members',
  operations: [create, update, get, search],
} as const satisfies OperationApp;
