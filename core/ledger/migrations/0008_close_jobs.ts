import { sql, type Kysely } from 'kysely';

/**
 * Issue 14 (close-jobs): the days the daily job has run (R-DUN-8), a supervisor's decision on a platform command
 * that waits for release (R-DUN-9), and each statement printed or sent.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('daily_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('ran_at', 'text', (c) => c.notNull())
    .addColumn('ran_by', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('daily_runs_date').on('daily_runs').column('run_date').execute();

  await db.schema
    .createTable('platform_command_decisions')
    .addColumn('outbox_id', 'integer', (c) => c.primaryKey().references('outbox.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision in ('released', 'held')`))
    .addColumn('reason', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('statement_deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
    .addColumn('how', 'text', (c) => c.notNull().check(sql`how in ('printed', 'sent')`))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('statement_deliveries_document')
    .on('statement_deliveries')
    .column('document_id')
    .execute();
}
