import { InputError } from '../errors';
import { nextCounterValue } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import type { CloudAccountRow } from '../ledger/schema';

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

/** Cloud account codes: CA- and at least six digits (CA-000123). */
export function formatCloudAccountCode(n: number): string {
  return `CA-${String(n).padStart(6, '0')}`;
}

/** Opens a cloud account (status active, recorded in the status history) for a member (R-PARTY-2). */
export async function createCloudAccount(
  db: LedgerDb,
  memberId: number,
  label: string | undefined,
  at: string,
): Promise<CloudAccountRow> {
  const code = formatCloudAccountCode(await nextCounterValue(db, 'cloud_account'));
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

/** The cloud account with that code, with its member's number and kind, or an InputError naming `path`. */
export async function findCloudAccount(db: LedgerDb, code: string, path = 'code') {
  const row = await db
    .selectFrom('cloud_accounts')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .selectAll('cloud_accounts')
    .select(['members.member_number', 'members.kind as member_kind'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!row) throw InputError.one(path, 'cloud_account.not_found', `no cloud account ${code}`, { code });
  return row;
}

/** A member's cloud accounts, oldest first. */
export async function memberCloudAccounts(db: LedgerDb, member: { id: number; member_number: string }) {
  const rows = await db
    .selectFrom('cloud_accounts')
    .selectAll()
    .where('member_id', '=', member.id)
    .orderBy('id')
    .execute();
  return rows.map((r) => cloudAccountView(r, member.member_number));
}

/** One cloud account with its status history (opened, restricted, lifted…), oldest first. */
export async function cloudAccountWithHistory(db: LedgerDb, code: string) {
  const row = await findCloudAccount(db, code);
  const history = await db
    .selectFrom('account_status_history')
    .select(['from_status', 'to_status', 'cause', 'at'])
    .where('cloud_account_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    ...cloudAccountView(row, row.member_number),
    statusHistory: history.map((h) => ({ from: h.from_status, to: h.to_status, cause: h.cause, at: h.at })),
  };
}
