/**
 * The catalog's member and cloud-account outputs as the screens read them (core/api/apps members.ts and
 * cloud-accounts.ts: MemberView, CloudAccountView). Read defensively: a field the catalog drops shows as empty
 * rather than breaking the screen.
 */
export interface MemberRow {
  memberNumber: string;
  kind: string;
  name: string;
  nameKana: string;
  email: string;
  address: string;
  createdAt: string;
}

export interface AccountRow {
  code: string;
  label: string;
  status: string;
  createdAt: string;
  closedAt: string;
}

export interface MemberPage {
  items: MemberRow[];
  total: number;
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null;
}

function text(v: Loose, key: string): string {
  const value = v[key];
  return typeof value === 'string' ? value : '';
}

export function listIn(output: unknown, key: string): Loose[] {
  const list = Array.isArray(output) ? output : isObject(output) ? output[key] : undefined;
  return Array.isArray(list) ? list.filter(isObject) : [];
}

export function toMemberRow(v: Loose): MemberRow {
  return {
    memberNumber: text(v, 'memberNumber'),
    kind: text(v, 'kind'),
    name: text(v, 'name'),
    nameKana: text(v, 'nameKana'),
    email: text(v, 'email'),
    address: text(v, 'address'),
    createdAt: text(v, 'createdAt'),
  };
}

export function toAccountRow(v: Loose): AccountRow {
  return {
    code: text(v, 'code'),
    label: text(v, 'label'),
    status: text(v, 'status'),
    createdAt: text(v, 'createdAt'),
    closedAt: text(v, 'closedAt'),
  };
}

/** members.search answers `{ items, total, page, pageSize }`. */
export function memberPageIn(output: unknown): MemberPage {
  const items = listIn(output, 'items').map(toMemberRow);
  const total = isObject(output) && typeof output.total === 'number' ? output.total : items.length;
  return { items, total };
}

/** members.get answers the member with its `cloudAccounts`. */
export function memberWithAccountsIn(output: unknown): { member: MemberRow; accounts: AccountRow[] } | null {
  if (!isObject(output)) return null;
  return { member: toMemberRow(output), accounts: listIn(output, 'cloudAccounts').map(toAccountRow) };
}
