import path from 'node:path';
import { createCloudAccount, createMember } from '../../core/parties';
import { openDatabase, type LedgerDb } from '../../core/ledger/open-database';
import { tempDir } from '../api/helpers';

export interface DbFixture {
  db: LedgerDb;
  file: string;
  close(): Promise<void>;
}

/** A migrated ledger on a temp file, without the operation layer: for the core/prepaid functions. */
export async function dbFixture(): Promise<DbFixture> {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'ledger.db');
  const { db, close } = await openDatabase(file);
  return {
    db,
    file,
    async close() {
      await close();
      cleanup();
    },
  };
}

/** A corporate member with one cloud account; returns their row ids. */
export async function memberWithAccount(
  db: LedgerDb,
  at = '2026-01-05T00:00:00.000Z',
): Promise<{ memberId: number; accountId: number }> {
  const member = await createMember(
    db,
    { kind: 'corporation', name: '株式会社山田商事', nameKana: 'ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ', email: 'keiri@yamada.example' },
    at,
  );
  const account = await createCloudAccount(db, member.id, '本番', at);
  return { memberId: member.id, accountId: account.id };
}

let codeSeq = 0;

/** A prepaid ID already registered on an account (what prepaid.register leaves behind), for consumption tests. */
export async function registeredId(
  db: LedgerDb,
  ids: { memberId: number; accountId: number },
  amount: number,
  registeredAt: string,
  expiresAt: string,
): Promise<number> {
  codeSeq += 1;
  const row = await db
    .insertInto('prepaid_ids')
    .values({
      code: `test-hash-${codeSeq}`,
      code_hint: 'TEST',
      member_id: ids.memberId,
      document_id: null,
      amount,
      balance: amount,
      status: 'registered',
      issue_due_date: null,
      issued_at: registeredAt,
      registration_deadline: null,
      cloud_account_id: ids.accountId,
      registered_at: registeredAt,
      expires_at: expiresAt,
      created_at: registeredAt,
      application_id: null,
      notice_document_id: null,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** consumePrepaidForBill's month-to-date bill, for months in which no ID expires (it is never asked then). */
export function noExpiryInMonth(): Promise<never> {
  return Promise.reject(new Error('no prepaid ID expires in this month: the bill up to an instant is not asked'));
}
