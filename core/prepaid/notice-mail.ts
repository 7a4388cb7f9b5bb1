import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sellerAsOf } from '../parties';
import { formatDate, jstToday } from '../time';
import type { LedgerDb } from '../ledger/open-database';
import { buildEml, type EmlAttachment } from './eml';
import { sideFilesBase } from '../ledger/dialect';

export const OUTBOX_DIR_ENV = 'BACKOFFICE_OUTBOX_DIR';

/** Where .eml files holding secrets go: BACKOFFICE_OUTBOX_DIR, else `<ledger>.outbox/` beside the database. */
export async function mailDirectory(db: LedgerDb): Promise<string> {
  const fromEnv = process.env[OUTBOX_DIR_ENV];
  if (fromEnv) return fromEnv;
  const file = await sideFilesBase(db);
  if (file === '') throw new Error(`an in-memory ledger has no outbox folder: set ${OUTBOX_DIR_ENV}`);
  return `${file}.outbox`;
}

export interface OutboxMail {
  to: string;
  subject: string;
  text: string;
  topic: string;
  cloudAccountId?: number | null;
  attachments?: EmlAttachment[];
  /** Mail holding a secret (a prepaid code) is written as a file beside the ledger, never into it. */
  fileName?: string;
}

/** Queues one e-mail in the outbox, in the caller's transaction; returns the outbox row id. */
export async function queueMail(
  db: LedgerDb,
  mail: OutboxMail,
  now: Date,
): Promise<{ outboxId: number; file: string | null }> {
  const eml = buildEml({
    from: (await sellerAsOf(db, formatDate(jstToday(now)))).email ?? 'billing@invalid',
    to: mail.to,
    subject: mail.subject,
    date: now,
    text: mail.text,
    attachments: mail.attachments,
  });
  let file: string | null = null;
  if (mail.fileName) {
    const dir = await mailDirectory(db);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    file = path.join(dir, mail.fileName);
    writeFileSync(file, eml, { mode: 0o600 });
  }
  const payload = file
    ? { to: mail.to, subject: mail.subject, emlFile: file }
    : { to: mail.to, subject: mail.subject, eml };
  const row = await db
    .insertInto('outbox')
    .values({
      created_at: now.toISOString(),
      channel: 'email',
      topic: mail.topic,
      payload: JSON.stringify(payload),
      cloud_account_id: mail.cloudAccountId ?? null,
      status: 'pending',
      sent_at: null,
      last_error: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { outboxId: row.id, file };
}
