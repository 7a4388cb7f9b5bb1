import type { Kysely } from 'kysely';

/**
 * Issue 15, documents an accountant accepts: the seller as data, dated (R-TAX-5: rows are only added; the one in
 * force on a document's issue date is the latest whose effective_from is on or before it); the credit note's
 * document (適格返還請求書, R-TAX-4); an estimate's rep in charge (担当者) and its quote lines (JSON, null for a
 * plain prepaid estimate).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('seller_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('seller_settings_effective')
    .on('seller_settings')
    .columns(['effective_from', 'id'])
    .execute();
  await db.schema
    .alterTable('credit_notes')
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .execute();
  await db.schema.alterTable('prepaid_applications').addColumn('rep_name', 'text').execute();
  await db.schema.alterTable('prepaid_applications').addColumn('quote', 'text').execute();
}
