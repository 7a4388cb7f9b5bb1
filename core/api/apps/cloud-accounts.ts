import { InputError } from '../../errors';
import { nextCounterValue } from '../../ledger/counters';
import type { LedgerDb } from '../../ledger/open-database';
import type { CloudAccountRow } from '../../ledger/schema';
import { defineOperation, type OperationApp } from '../operation';
import { createCloudAccountInput, getCloudAccountInput, listCloudAccountsInput } from '../schemas/cloud-accounts';
import { findMember } from './members';

export interface CloudAccountView {
  code: string;
  memberNumber: string;
  label: string;
  status: string;
  createdAt: string;
  closedAt: string | null;
}

export function cloudAccountView(row: CloudAccountRow, memberNumber: string): CloudAccountView {
  return {
    code: row.code,
    memberNumber,
    label: row.label,
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

/** Opens a cloud account (status active, recorded in the status history) for a member (R-PARTY-2). */
export async function createCloudAccount(
  db: LedgerDb,
  memberId: number,
  label: string | undefined,
  at: string,
): Promise<CloudAccountRow> {
  const code = `CA-${String(await nextCounterValue(db, 'cloud_account')).padStart(6, '0')}`;
  const row = await db
    .insertInto('cloud_accounts')
    .values({ code, member_id: memberId, label: label ?? code, status: 'active', created_at: at, closed_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('account_status_history')
    .values({ cloud_account_id: row.id, from_status: null, to_status: 'active', cause: 'opened', at })
    .execute();
  return row;
}

const create = defineOperation({
  name: 'cloudAccounts.create',
  roles: ['sales'],
  input: createCloudAccountInput,
  audited: true,
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    return cloudAccountView(
      await createCloudAccount(ctx.db, member.id, input.label, ctx.now.toISOString()),
      member.member_number,
    );
  },
});

const list = defineOperation({
  name: 'cloudAccounts.list',
  roles: ['sales', 'accounting', 'supervisor'],
  input: listCloudAccountsInput,
  audited: false,
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    const rows = await ctx.db
      .selectFrom('cloud_accounts')
      .selectAll()
      .where('member_id', '=', member.id)
      .orderBy('id')
      .execute();
    return rows.map((r) => cloudAccountView(r, member.member_number));
  },
});

const get = defineOperation({
  name: 'cloudAccounts.get',
  roles: ['sales', 'accounting', 'supervisor'],
  input: getCloudAccountInput,
  audited: false,
  handler: async (ctx, input) => {
    const row = await ctx.db
      .selectFrom('cloud_accounts')
      .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
      .selectAll('cloud_accounts')
      .select('members.member_number')
      .where('code', '=', input.code)
      .executeTakeFirst();
    if (!row) throw InputError.one('code', `no cloud account ${input.code}`);
    const history = await ctx.db
      .selectFrom('account_status_history')
      .select(['from_status', 'to_status', 'cause', 'at'])
      .where('cloud_account_id', '=', row.id)
      .orderBy('id')
      .execute();
    return {
      ...cloudAccountView(row, row.member_number),
      statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, cause: h.cause, at: h.at })),
    };
  },
});

export const cloudAccountsApp = {
  domain: 'cloudAccounts',
  operations: [create, list, get],
} as const satisfies OperationApp;
