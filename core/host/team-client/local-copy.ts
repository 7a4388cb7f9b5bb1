import { issueDocument } from '../../documents/document-store';
import { kanaKey } from '../../kana';
import type { LedgerDb } from '../../ledger/open-database';
import { yenToDb } from '../../ledger/yen';
import { Dec } from '../../money';
import type { Role } from '../../parties/roles';
import { nameSearchKey } from '../../kana/search-keys';
import type { SyncChanges, SyncEstimate, SyncMember } from '../../sync/changes';
import type { LeasedBlock } from '../../sync/leases';

/**
 * The desktop's local copy of what a rep needs offline: a ledger of the same schema on an SQLite file (so the
 * catalog's own reads answer the screens offline), filled from the server's changes. It follows the server:
 * whatever the server sends replaces the local row (TEAM.md: the server's answer is always the truth).
 */

/**
 * D-SYNC-7: a member created offline gets a provisional number from M-900000001 on, replaced by the server's
 * number once its creation is applied (in the local copy and in the queued operations after it). Why: member
 * numbers stay gapless and are the server's alone; the estimate PDF does not print the member number, so
 * nothing handed to the customer changes.
 */
export const PROVISIONAL_MEMBER_FROM = 900_000_000;

/** Makes sure the local member counter hands out provisional numbers only. */
export async function prepareLocalCopy(db: LedgerDb): Promise<void> {
  const row = await db.selectFrom('counters').select('last_value').where('name', '=', 'member').executeTakeFirst();
  if (!row) await db.insertInto('counters').values({ name: 'member', last_value: PROVISIONAL_MEMBER_FROM }).execute();
  else if (row.last_value < PROVISIONAL_MEMBER_FROM)
    await db
      .updateTable('counters')
      .set({ last_value: PROVISIONAL_MEMBER_FROM })
      .where('name', '=', 'member')
      .execute();
}

/**
 * The operator who signed in on the server, known to the local copy so its catalog lets them work offline: their
 * roles as the server gave them, and the scrypt hash of the password they signed in with (D-SYNC-8).
 */
export async function rememberOperator(
  db: LedgerDb,
  operator: { login: string; name: string; roles: Role[] },
  passwordHash: string,
  at: string,
): Promise<void> {
  const found = await db.selectFrom('operators').select('id').where('login', '=', operator.login).executeTakeFirst();
  const id =
    found?.id ??
    (
      await db
        .insertInto('operators')
        .values({ login: operator.login, display_name: operator.name, password_hash: passwordHash, created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await db
    .updateTable('operators')
    .set({ display_name: operator.name, password_hash: passwordHash, active: 1 })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('operator_roles').where('operator_id', '=', id).execute();
  for (const role of operator.roles) await db.insertInto('operator_roles').values({ operator_id: id, role }).execute();
}

export async function upsertMember(db: LedgerDb, m: SyncMember): Promise<void> {
  const values = {
    kind: m.kind,
    name: m.name,
    name_kana: m.nameKana,
    email: m.email,
    address: m.address,
    name_key: nameSearchKey(m.name),
    kana_key: kanaKey(m.nameKana),
    created_at: m.createdAt,
    updated_at: m.updatedAt,
  };
  const found = await db
    .selectFrom('members')
    .select('id')
    .where('member_number', '=', m.memberNumber)
    .executeTakeFirst();
  if (found) await db.updateTable('members').set(values).where('id', '=', found.id).execute();
  else
    await db
      .insertInto('members')
      .values({ ...values, member_number: m.memberNumber })
      .execute();
}

async function memberIdOf(db: LedgerDb, memberNumber: string): Promise<number | null> {
  const row = await db.selectFrom('members').select('id').where('member_number', '=', memberNumber).executeTakeFirst();
  return row?.id ?? null;
}

export async function upsertEstimate(db: LedgerDb, e: SyncEstimate): Promise<void> {
  const memberId = await memberIdOf(db, e.memberNumber);
  if (memberId === null) return;
  const amount = yenToDb(new Dec(e.amount));
  let documentId: number | null = null;
  if (e.document !== null) {
    const doc = await db
      .selectFrom('documents')
      .select('id')
      .where('kind', '=', 'estimate')
      .where('number', '=', e.estimateNumber)
      .executeTakeFirst();
    if (doc) {
      documentId = doc.id;
      await db
        .updateTable('documents')
        .set({ content: e.document, member_id: memberId })
        .where('id', '=', doc.id)
        .execute();
    } else {
      documentId = await issueDocument(db, {
        kind: 'estimate',
        number: e.estimateNumber,
        memberId,
        issuedAt: e.issuedAt ?? e.updatedAt,
        subtotal: amount,
        tax: 0,
        total: amount,
        content: JSON.parse(e.document) as unknown,
        createdBy: e.createdBy,
        // The server keeps what it issued (D-ARCH-1); this copy archives its own only if it ever sends it.
        pdf: 'at first send',
      });
    }
  }
  const values = {
    member_id: memberId,
    status: e.status,
    amount,
    subject: e.subject,
    valid_days: e.validDays,
    valid_until: e.validUntil,
    notes: e.notes,
    created_at: e.createdAt,
    created_by: e.createdBy,
    updated_at: e.updatedAt,
    issued_at: e.issuedAt,
    cancelled_at: e.cancelledAt,
    estimate_document_id: documentId,
  };
  const found = await db
    .selectFrom('prepaid_applications')
    .select('id')
    .where('estimate_number', '=', e.estimateNumber)
    .executeTakeFirst();
  if (found) await db.updateTable('prepaid_applications').set(values).where('id', '=', found.id).execute();
  else
    await db
      .insertInto('prepaid_applications')
      .values({ ...values, estimate_number: e.estimateNumber })
      .execute();
}

/** An estimate the server does not have (its draft was refused): gone from the local copy too. */
export async function dropEstimate(db: LedgerDb, estimateNumber: string): Promise<void> {
  await db.deleteFrom('prepaid_applications').where('estimate_number', '=', estimateNumber).execute();
  await db.deleteFrom('documents').where('kind', '=', 'estimate').where('number', '=', estimateNumber).execute();
}

/** A member created offline that the server refused: gone, with the estimates drafted for it. */
export async function dropMember(db: LedgerDb, memberNumber: string): Promise<void> {
  const id = await memberIdOf(db, memberNumber);
  if (id === null) return;
  await db.deleteFrom('documents').where('member_id', '=', id).execute();
  await db.deleteFrom('prepaid_applications').where('member_id', '=', id).execute();
  await db.deleteFrom('cloud_accounts').where('member_id', '=', id).execute();
  await db.deleteFrom('members').where('id', '=', id).execute();
}

/** The server numbered a member created offline: the local copy takes its number. */
export async function renumberMember(db: LedgerDb, provisional: string, final: string): Promise<void> {
  if (provisional === final) return;
  await db.updateTable('members').set({ member_number: final }).where('member_number', '=', provisional).execute();
}

/** Writes the server's changes into the local copy (every row upserted: a row sent twice changes nothing). */
export async function applyChanges(db: LedgerDb, changes: SyncChanges): Promise<void> {
  for (const m of changes.members) await upsertMember(db, m);
  for (const a of changes.cloudAccounts) {
    const memberId = await memberIdOf(db, a.memberNumber);
    if (memberId === null) continue;
    const values = {
      member_id: memberId,
      label: a.label,
      status: a.status,
      created_at: a.createdAt,
      closed_at: a.closedAt,
    };
    const found = await db.selectFrom('cloud_accounts').select('id').where('code', '=', a.code).executeTakeFirst();
    if (found) await db.updateTable('cloud_accounts').set(values).where('id', '=', found.id).execute();
    else
      await db
        .insertInto('cloud_accounts')
        .values({ ...values, code: a.code })
        .execute();
  }
  for (const e of changes.estimates) await upsertEstimate(db, e);
  if (changes.pricePlans !== null) {
    await db.deleteFrom('price_plans').execute();
    for (const p of changes.pricePlans) await db.insertInto('price_plans').values(p).execute();
  }
}

/** The desktop's blocks of estimate numbers as the server answered them (the runners check numbers against them). */
export async function storeLeases(
  db: LedgerDb,
  desktopId: string,
  login: string,
  blocks: LeasedBlock[],
  at: string,
): Promise<void> {
  await db.deleteFrom('estimate_leases').execute();
  for (const b of blocks)
    await db
      .insertInto('estimate_leases')
      .values({
        desktop_id: desktopId,
        operator_login: login,
        prefix: b.prefix,
        first_value: Number(b.first.slice(b.prefix.length + 1)),
        last_value: Number(b.last.slice(b.prefix.length + 1)),
        leased_at: at,
      })
      .execute();
}

/** The first leased number no local estimate has taken, or null when the blocks are used up (D-SYNC-3). */
export async function nextLeasedNumber(db: LedgerDb, blocks: LeasedBlock[]): Promise<string | null> {
  for (const b of blocks)
    for (const n of b.unused) {
      const taken = await db
        .selectFrom('prepaid_applications')
        .select('id')
        .where('estimate_number', '=', n)
        .executeTakeFirst();
      if (!taken) return n;
    }
  return null;
}
