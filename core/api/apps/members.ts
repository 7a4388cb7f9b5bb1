import { InputError } from '../../errors';
import { nextCounterValue } from '../../ledger/counters';
import type { LedgerDb } from '../../ledger/open-database';
import type { MemberRow } from '../../ledger/schema';
import { defineOperation, type OperationApp } from '../operation';
import {
  createMemberInput,
  getMemberInput,
  HALF_WIDTH_KANA,
  searchMembersInput,
  updateMemberInput,
} from '../schemas/members';
import type { z } from 'zod';
import { kanaSearchKey, nameSearchKey, prefixUpperBound } from './search-keys';
import { cloudAccountView, type CloudAccountView } from './cloud-accounts';

export interface MemberView {
  memberNumber: string;
  kind: 'corporation' | 'individual';
  name: string;
  nameKana: string;
  email: string;
  address: string | null;
  createdAt: string;
  updatedAt: string;
}

export function memberView(row: MemberRow): MemberView {
  return {
    memberNumber: row.member_number,
    kind: row.kind,
    name: row.name,
    nameKana: row.name_kana,
    email: row.email,
    address: row.address,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function formatMemberNumber(n: number): string {
  return `M-${String(n).padStart(6, '0')}`;
}

/** The member with that number, or an InputError naming `path`. */
export async function findMember(db: LedgerDb, memberNumber: string, path = 'memberNumber'): Promise<MemberRow> {
  const row = await db.selectFrom('members').selectAll().where('member_number', '=', memberNumber).executeTakeFirst();
  if (!row) throw InputError.one(path, `no member ${memberNumber}`);
  return row;
}

/** Creates a member with the next gapless member number (shared by members.create and the demo). */
export async function createMember(
  db: LedgerDb,
  input: z.output<typeof createMemberInput>,
  at: string,
): Promise<MemberRow> {
  const number = formatMemberNumber(await nextCounterValue(db, 'member'));
  return db
    .insertInto('members')
    .values({
      member_number: number,
      kind: input.kind,
      name: input.name,
      name_kana: input.nameKana,
      email: input.email,
      address: input.address ?? null,
      name_key: nameSearchKey(input.name),
      kana_key: kanaSearchKey(input.nameKana),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const MEMBER_NUMBER_QUERY = /^(?:M-?)?([0-9]{1,9})$/i;

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
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    const name = input.name ?? member.name;
    const nameKana = input.nameKana ?? member.name_kana;
    const row = await ctx.db
      .updateTable('members')
      .set({
        name,
        name_kana: nameKana,
        email: input.email ?? member.email,
        address: input.address === undefined ? member.address : input.address,
        name_key: nameSearchKey(name),
        kana_key: kanaSearchKey(nameKana),
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', member.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return memberView(row);
  },
});

const get = defineOperation({
  name: 'members.get',
  roles: ['sales', 'accounting', 'supervisor'],
  input: getMemberInput,
  audited: false,
  handler: async (ctx, input): Promise<MemberView & { cloudAccounts: CloudAccountView[] }> => {
    const member = await findMember(ctx.db, input.memberNumber);
    const accounts = await ctx.db
      .selectFrom('cloud_accounts')
      .selectAll()
      .where('member_id', '=', member.id)
      .orderBy('id')
      .execute();
    return { ...memberView(member), cloudAccounts: accounts.map((a) => cloudAccountView(a, member.member_number)) };
  },
});

/**
 * Finds members by what a person types: a member number (M-000123 or 123), an e-mail (anything with @, by
 * prefix), half-width kana (prefix of the kana name without its legal form), or else the start of the name
 * without its legal form. Every branch is a range or equality on an index, so it stays fast on 100,000 members.
 */
const search = defineOperation({
  name: 'members.search',
  roles: ['sales', 'accounting', 'supervisor'],
  input: searchMembersInput,
  audited: false,
  handler: async (ctx, input) => {
    let query = ctx.db.selectFrom('members');
    const q = input.query;
    const numberMatch = MEMBER_NUMBER_QUERY.exec(q);
    let order: 'id' | 'name_key' | 'kana_key' | 'email' = 'id';
    if (q === '') {
      // everything, by member number
    } else if (numberMatch) {
      query = query.where('member_number', '=', formatMemberNumber(Number(numberMatch[1])));
    } else if (q.includes('@')) {
      const p = q.toLowerCase();
      query = query.where('email', '>=', p).where('email', '<', prefixUpperBound(p));
      order = 'email';
    } else if (HALF_WIDTH_KANA.test(q)) {
      const p = kanaSearchKey(q);
      query = query.where('kana_key', '>=', p).where('kana_key', '<', prefixUpperBound(p));
      order = 'kana_key';
    } else {
      const p = nameSearchKey(q);
      query = query.where('name_key', '>=', p).where('name_key', '<', prefixUpperBound(p));
      order = 'name_key';
    }
    if (input.kind) query = query.where('kind', '=', input.kind);
    const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    let rows = query.selectAll();
    if (order !== 'id') rows = rows.orderBy(order);
    const items = await rows
      .orderBy('id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    return { items: items.map(memberView), total: Number(total), page: input.page, pageSize: input.pageSize };
  },
});

export const membersApp = {
  domain: 'members',
  operations: [create, update, get, search],
} as const satisfies OperationApp;
