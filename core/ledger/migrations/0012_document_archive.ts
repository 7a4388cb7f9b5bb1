import { sql, type Kysely } from 'kysely';
import { makeAppendOnly } from '../dialect';

/**
 * Issue 15, the books outside the app.
 *
 * `document_archive`: every issued document's PDF as it was issued (電子帳簿保存法), once, with its SHA-256 and
 * the three things the law asks to search by (取引年月日, 取引金額, 取引先) copied beside it as of the issue, so
 * a later change of a member's name does not change what the archive answers. The bytes are kept as base64
 * text (D-ARCH-2). Append-only, as the ledger.
 *
 * `journal_mappings`: how our ledger accounts read in an accounting package's import file, each save a new
 * version (append-only: an export names the version it used).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('document_archive')
    .addColumn('document_id', 'integer', (c) => c.primaryKey().references('documents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('counterparty', 'text', (c) => c.notNull())
    .addColumn('counterparty_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`length(sha256) = 64`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('pdf_base64', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_archive_issued_on')
    .on('document_archive')
    .columns(['issued_on', 'document_id'])
    .execute();
  await db.schema.createIndex('document_archive_amount').on('document_archive').columns(['amount']).execute();
  await db.schema
    .createIndex('document_archive_member')
    .on('document_archive')
    .columns(['member_id', 'issued_on'])
    .execute();

  await db.schema
    .createTable('journal_mappings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('target', 'text', (c) => c.notNull().check(sql`target in ('yayoi', 'freee', 'moneyforward')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('accounts', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('journal_mappings_target_version', ['target', 'version'])
    .execute();

  for (const table of ['document_archive', 'journal_mappings']) await makeAppendOnly(db, table);
}
