import { InputError } from '../errors';
import { nextCounterValue } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import type { MemberKind, MemberRow } from '../ledger/schema';
import { memberCloudAccounts, type CloudAccountView } from './cloud-account-store';
import { formatMemberNumber, memberNumberInQuery } from './member-number';
import { isKanaText, kanaKey } from '../kana';
import { nameSearchKey, prefixUpperBound } from '../kana/search-keys';

export interface MemberView {
  memberNumber: string;
  kind: MemberKind;
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

export interface NewMember {
  kind: MemberKind;
  name: string;
  nameKana: string;
  email: string;
  address?: string | undefined;
}

/** A member's fields to change; `address: null` clears it, an absent field keeps its value. */
export interface MemberChanges {
  name?: string | undefined;
  nameKana?: string | undefined;
  email?: string | undefined;
  address?: string | null | undefined;
}

/** The member with that number, or an InputError naming `path`. */
export async function findMember(db: LedgerDb, memberNumber: string, path = 'memberNumber'): Promise<MemberRow> {
  const row = await db.selectFrom('members').selectAll().where('member_number', '=', memberNumber).executeTakeFirst();
  if (!row) throw InputError.one(path, 'member.not_found', `no member ${memberNumber}`, { memberNumber });
  return row;
}

/** The member with that id (a row another row points to: it exists). */
export function memberById(db: LedgerDb, id: number): Promise<MemberRow> {
  return db.selectFrom('members').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Creates a member with the next gapless member number and its search keys. */
export async function createMember(db: LedgerDb, input: NewMember, at: string): Promise<MemberRow> {
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
      kana_key: kanaKey(input.nameKana),
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a member's details; its search keys follow its name and kana. */
export async function updateMember(
  db: LedgerDb,
  memberNumber: string,
  changes: MemberChanges,
  at: string,
): Promise<MemberRow> {
  const member = await findMember(db, memberNumber);
  const name = changes.name ?? member.name;
  const nameKana = changes.nameKana ?? member.name_kana;
  return db
    .updateTable('members')
    .set({
      name,
      name_kana: nameKana,
      email: changes.email ?? member.email,
      address: changes.address === undefined ? member.address : changes.address,
      name_key: nameSearchKey(name),
      kana_key: kanaKey(nameKana),
      updated_at: at,
    })
    .where('id', '=', member.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A member with its cloud accounts, oldest first (the member's page). */
export async function memberWithAccounts(
  db: LedgerDb,
  memberNumber: string,
): Promise<MemberView & { cloudAccounts: CloudAccountView[] }> {
  const member = await findMember(db, memberNumber);
  return { ...memberView(member), cloudAccounts: await memberCloudAccounts(db, member) };
}

export interface MemberSearch {
  query: string;
  kind?: MemberKind | undefined;
  page: number;
  pageSize: number;
}

/**
 * Finds members by what a person types: a member number (M-000123 or 123), an e-mail (anything with @, by
 * prefix), kana of either width or hiragana (prefix of the kana key, core/kana), or else the start of the name without its
 * legal form. Every branch is a range or equality on an index, so it stays fast on 100,000 members.
 */
export async function searchMembers(db: LedgerDb, search: MemberSearch) {
  let query = db.selectFrom('members');
  const q = search.query;
  const memberNumber = memberNumberInQuery(q);
  let order: 'id' | 'name_key' | 'kana_key' | 'email' = 'id';
  if (q === '') {
    // everything, by member number
  } else if (memberNumber) {
    query = query.where('member_number', '=', memberNumber);
  } else if (q.includes('@')) {
    const p = q.toLowerCase();
    query = query.where('email', '>=', p).where('email', '<', prefixUpperBound(p));
    order = 'email';
  } else if (isKanaText(q)) {
    const p = kanaKey(q);
    query = query.where('kana_key', '>=', p).where('kana_key', '<', prefixUpperBound(p));
    order = 'kana_key';
  } else {
    const p = nameSearchKey(q);
    query = query.where('name_key', '>=', p).where('name_key', '<', prefixUpperBound(p));
    order = 'name_key';
  }
  if (search.kind) query = query.where('kind', '=', search.kind);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let rows = query.selectAll();
  if (order !== 'id') rows = rows.orderBy(order);
  const items = await rows
    .orderBy('id')
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return { items: items.map(memberView), total: Number(total), page: search.page, pageSize: search.pageSize };
}
