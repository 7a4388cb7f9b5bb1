import { sql, type Kysely } from 'kysely';

/**
 * Issue 6: bank files imported (each file once, by digest), what became of each of their records, and the
 * review queue of deposits accounting must match by hand. A bank reference names one deposit only.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bank_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('fee_tolerance', 'integer', (c) => c.notNull())
    .addColumn('record_count', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .execute();

  await db.schema
    .createTable('bank_import_lines')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('bank_imports.id'))
    .addColumn('record_no', 'integer', (c) => c.notNull())
    .addColumn('bank_reference', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('payer', 'text', (c) => c.notNull())
    .addColumn('deposit_id', 'integer', (c) => c.references('deposits.id'))
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate')`),
    )
    .addColumn('target', 'text')
    .addColumn('fee', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('detail', 'text')
    .addPrimaryKeyConstraint('bank_import_lines_pk', ['import_id', 'record_no'])
    .execute();

  await db.schema
    .createTable('deposit_reviews')
    .addColumn('deposit_id', 'integer', (c) => c.primaryKey().references('deposits.id'))
    .addColumn('import_id', 'integer', (c) => c.references('bank_imports.id'))
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('review', 'unknown', 'confirmed', 'dismissed')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('edi', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('deposit_reviews_state').on('deposit_reviews').columns(['state', 'deposit_id']).execute();

  // A statement number quoted by a payer or typed by accounting is looked up by number.
  await db.schema.createIndex('documents_number').on('documents').columns(['number', 'kind']).execute();

  // The same transfer read from two files, or typed in and then imported, is one deposit.
  await db.schema
    .createIndex('deposits_bank_reference_unique')
    .unique()
    .on('deposits')
    .column('bank_reference')
    .execute();
}
