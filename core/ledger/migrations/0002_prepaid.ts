import { sql, type Kysely } from 'kysely';

/**
 * Issue 4, prepaid end to end: the application (estimate → statement → deposit → issuance), what prepaid_ids
 * needs beyond 0001 (the code is stored as a keyed hash, only its last four characters in clear), monthly
 * offsets and their consumptions, the daily balance snapshot, member-set alert thresholds and sent alerts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  // One row per application (R-PRE-2): the estimate while drafted and issued, then the statement, the deposit
  // and the prepaid ID it led to.
  await db.schema
    .createTable('prepaid_applications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('estimate_number', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'issued', 'cancelled', 'billed', 'paid', 'fulfilled')`),
    )
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('valid_days', 'integer', (c) => c.notNull().check(sql`valid_days between 1 and 365`))
    .addColumn('valid_until', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('estimate_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('statement_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('payer_kana', 'text')
    .addColumn('deposit_id', 'integer', (c) => c.references('deposits.id'))
    .addColumn('credit_amount', 'integer')
    .addColumn('paid_at', 'text')
    .addColumn('issue_due_date', 'text')
    .addColumn('prepaid_id', 'integer', (c) => c.references('prepaid_ids.id'))
    .execute();
  await db.schema
    .createIndex('prepaid_applications_member')
    .on('prepaid_applications')
    .columns(['member_id', 'id'])
    .execute();
  await db.schema
    .createIndex('prepaid_applications_status')
    .on('prepaid_applications')
    .columns(['status', 'issue_due_date'])
    .execute();
  await db.schema
    .createIndex('prepaid_applications_statement')
    .on('prepaid_applications')
    .column('statement_document_id')
    .execute();

  await db.schema.alterTable('prepaid_ids').addColumn('code_hint', 'text').execute();
  await db.schema
    .alterTable('prepaid_ids')
    .addColumn('application_id', 'integer', (c) => c.references('prepaid_applications.id'))
    .execute();
  await db.schema
    .alterTable('prepaid_ids')
    .addColumn('notice_document_id', 'integer', (c) => c.references('documents.id'))
    .execute();
  await db.schema.alterTable('prepaid_ids').addColumn('closed_at', 'text').execute();
  await db.schema
    .alterTable('prepaid_ids')
    .addColumn('forfeited', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // A month's bill of an account offset once (R-PRE-10): the row is the proof the month is done.
  await db.schema
    .createTable('prepaid_month_offsets')
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('bill_total', 'integer', (c) => c.notNull())
    .addColumn('applied', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prepaid_month_offsets_pk', ['cloud_account_id', 'month'])
    .execute();

  await db.schema
    .createTable('prepaid_consumptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('prepaid_id', 'integer', (c) => c.notNull().references('prepaid_ids.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('prepaid_consumptions_once', ['prepaid_id', 'month'])
    .execute();
  await db.schema
    .createIndex('prepaid_consumptions_account')
    .on('prepaid_consumptions')
    .columns(['cloud_account_id', 'month'])
    .execute();

  // R-PRE-12: what the screens show, as of the last daily update.
  await db.schema
    .createTable('prepaid_daily_balances')
    .addColumn('cloud_account_id', 'integer', (c) => c.primaryKey().references('cloud_accounts.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('month_to_date', 'integer', (c) => c.notNull())
    .addColumn('projected', 'integer', (c) => c.notNull())
    .addColumn('next_expires_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('prepaid_alert_settings')
    .addColumn('cloud_account_id', 'integer', (c) => c.primaryKey().references('cloud_accounts.id'))
    .addColumn('threshold', 'integer', (c) => c.notNull().check(sql`threshold >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // R-PRE-13: each alert once per condition and month.
  await db.schema
    .createTable('prepaid_alerts')
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('low_balance', 'used_up')`))
    .addColumn('outbox_id', 'integer', (c) => c.notNull().references('outbox.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prepaid_alerts_pk', ['cloud_account_id', 'month', 'kind'])
    .execute();

  // Why a prepaid deposit is held, and what was decided (accept, refund, hold).
  await db.schema.alterTable('deposits').addColumn('note', 'text').execute();
  await db.schema.createIndex('deposits_bank_reference').on('deposits').column('bank_reference').execute();
}
