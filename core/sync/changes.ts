import { createHash } from 'node:crypto';
import { canonicalJson } from '../ledger/audit';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { memberView, type MemberView } from '../parties/member-store';
import type { CloudAccountStatus, PrepaidApplicationStatus, PricePlansTable } from '../ledger/schema';

/**
 * What a rep's desktop keeps for offline work (TEAM.md), as changes since a cursor: the members and cloud accounts
 * the rep may see (every one: sales searches them all online too), the rep's own estimates with their issued
 * documents (the same PDF renders offline), and the price catalog when it changed.
 *
 * D-SYNC-4: the cursor is the server's time of the previous answer less CURSOR_OVERLAP_MS, with the digest of the
 * price catalog. Why: rows carry their updated_at, written by transactions that may commit a little after the
 * time they wrote (PostgreSQL runs writers side by side); sending again what changed in the last minutes costs a
 * few rows the desktop writes twice (it upserts), while a cursor that skipped a late commit would lose it.
 */
export const CURSOR_OVERLAP_MS = 10 * 60_000;

/** A member as the desktop keeps it: as every screen sees one. */
export type SyncMember = MemberView;

export interface SyncCloudAccount {
  code: string;
  memberNumber: string;
  label: string;
  status: CloudAccountStatus;
  createdAt: string;
  closedAt: string | null;
}

export interface SyncEstimate {
  estimateNumber: string;
  memberNumber: string;
  status: PrepaidApplicationStatus;
  /** Whole yen, as a decimal string. */
  amount: string;
  subject: string;
  validDays: number;
  validUntil: string | null;
  notes: string;
  createdAt: string;
  createdBy: string | null;
  updatedAt: string;
  issuedAt: string | null;
  cancelledAt: string | null;
  /** The issued estimate as its document holds it (EstimateData JSON), or null for a draft. */
  document: string | null;
}

export type SyncPricePlan = PricePlansTable;

export interface SyncChanges {
  /** Give it back for the next changes. */
  cursor: string;
  members: SyncMember[];
  cloudAccounts: SyncCloudAccount[];
  estimates: SyncEstimate[];
  /** The whole catalog when it differs from the one the cursor saw, otherwise null. */
  pricePlans: SyncPricePlan[] | null;
}

interface Cursor {
  since: string;
  plans: string;
}

function readCursor(cursor: string | null): Cursor | null {
  if (cursor === null) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<Cursor>;
    return typeof parsed.since === 'string' && typeof parsed.plans === 'string'
      ? { since: parsed.since, plans: parsed.plans }
      : null;
  } catch {
    return null;
  }
}

function writeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** Everything changed since the cursor (a cursor the server cannot read: everything, as for a first start). */
export async function changesSince(
  db: LedgerDb,
  login: string,
  cursorText: string | null,
  now: Date,
): Promise<SyncChanges> {
  const cursor = readCursor(cursorText);
  const since = cursor?.since ?? '';
  const members = await db.selectFrom('members').selectAll().where('updated_at', '>=', since).orderBy('id').execute();
  const changedAccounts = db.selectFrom('account_status_history').select('cloud_account_id').where('at', '>=', since);
  const accounts = await db
    .selectFrom('cloud_accounts')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .selectAll('cloud_accounts')
    .select('members.member_number')
    .where((eb) =>
      eb.or([eb('cloud_accounts.created_at', '>=', since), eb('cloud_accounts.id', 'in', changedAccounts)]),
    )
    .orderBy('cloud_accounts.id')
    .execute();
  const estimates = await db
    .selectFrom('prepaid_applications')
    .innerJoin('members', 'members.id', 'prepaid_applications.member_id')
    .leftJoin('documents', 'documents.id', 'prepaid_applications.estimate_document_id')
    .selectAll('prepaid_applications')
    .select(['members.member_number', 'documents.content as document'])
    .where('prepaid_applications.created_by', '=', login)
    .where('prepaid_applications.updated_at', '>=', since)
    .orderBy('prepaid_applications.id')
    .execute();
  const plans = await db.selectFrom('price_plans').selectAll().orderBy('id').orderBy('valid_from').execute();
  const plansDigest = createHash('sha256').update(canonicalJson(plans)).digest('hex');
  return {
    cursor: writeCursor({ since: new Date(now.getTime() - CURSOR_OVERLAP_MS).toISOString(), plans: plansDigest }),
    members: members.map(memberView),
    cloudAccounts: accounts.map((a) => ({
      code: a.code,
      memberNumber: a.member_number,
      label: a.label,
      status: a.status,
      createdAt: a.created_at,
      closedAt: a.closed_at,
    })),
    estimates: estimates.map((e) => ({
      estimateNumber: e.estimate_number,
      memberNumber: e.member_number,
      status: e.status,
      amount: yenFromDb(e.amount).toFixed(0),
      subject: e.subject,
      validDays: e.valid_days,
      validUntil: e.valid_until,
      notes: e.notes,
      createdAt: e.created_at,
      createdBy: e.created_by,
      updatedAt: e.updated_at,
      issuedAt: e.issued_at,
      cancelledAt: e.cancelled_at,
      document: e.document ?? null,
    })),
    pricePlans: cursor?.plans === plansDigest ? null : plans,
  };
}
