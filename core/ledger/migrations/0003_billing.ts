import { sql, type Kysely } from 'kysely';
import { nullOrDigits } from '../dialect';

/**
 * Issue 5: payment methods per cloud account, month closes, collection results (card charges, direct debits),
 * credit notes, the dunning clock's progress per account, which usage file each account of a month comes from,
 * and one outbox row per platform command.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  // Every registration or change of method; R-BILL-5 decides from which month each applies. Card numbers are
  // never stored: brand, last four digits and expiry only.
  await db.schema
    .createTable('payment_methods')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('method', 'text', (c) =>
      c.notNull().check(sql`method in ('credit_card', 'bank_transfer', 'direct_debit')`),
    )
    .addColumn('card_brand', 'text')
    .addColumn('card_last4', 'text', (c) => c.check(nullOrDigits(db, 'card_last4', 4)))
    .addColumn('card_expiry', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('first_month', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .execute();
  await db.schema
    .createIndex('payment_methods_account')
    .on('payment_methods')
    .columns(['cloud_account_id', 'id'])
    .execute();

  await db.schema
    .createTable('month_closes')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('bill_count', 'integer')
    .execute();

  // Which usage import an account's usage of a month comes from: one file per account and month.
  await db.schema
    .createTable('usage_accounts')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('account_code', 'text', (c) => c.notNull())
    .addColumn('usage_import_id', 'integer', (c) => c.notNull().references('usage_imports.id'))
    .addPrimaryKeyConstraint('usage_accounts_pk', ['month', 'account_code'])
    .execute();

  await db.schema
    .createTable('collection_attempts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bill_id', 'integer', (c) => c.notNull().references('bills.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('paid', 'failed')`))
    .addColumn('attempted_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addUniqueConstraint('collection_attempts_once', ['bill_id', 'attempted_on'])
    .execute();

  await db.schema
    .createTable('credit_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('bill_id', 'integer', (c) => c.notNull().references('bills.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('subtotal', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('ledger_transaction_id', 'integer', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('dunning_progress')
    .addColumn('cloud_account_id', 'integer', (c) => c.primaryKey().references('cloud_accounts.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('outbox').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('outbox_dedupe_key').on('outbox').column('dedupe_key').unique().execute();
  await db.schema.createIndex('payments_bill').on('payments').column('bill_id').execute();
  await db.schema.createIndex('documents_bill').on('documents').column('bill_id').execute();
}
