import { sql, type Kysely } from 'kysely';
import { makeAppendOnly } from '../dialect';

/** The first schema: parties, operators, prices, usage, bills, documents, money in, the ledger, audit, outbox. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('member_number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('corporation', 'individual')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_kana', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kana_key', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('members_name_key').on('members').columns(['name_key', 'id']).execute();
  await db.schema.createIndex('members_kana_key').on('members').columns(['kana_key', 'id']).execute();
  await db.schema.createIndex('members_name_kana').on('members').columns(['name_kana', 'id']).execute();
  await db.schema.createIndex('members_email').on('members').columns(['email', 'id']).execute();

  await db.schema
    .createTable('cloud_accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'restricted', 'suspended', 'terminated')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('cloud_accounts_member').on('cloud_accounts').column('member_id').execute();

  await db.schema
    .createTable('operators')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('operator_roles')
    .addColumn('operator_id', 'integer', (c) => c.notNull().references('operators.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('sales', 'accounting', 'supervisor', 'admin')`))
    .addPrimaryKeyConstraint('operator_roles_pk', ['operator_id', 'role'])
    .execute();

  await db.schema
    .createTable('price_plans')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('meter', 'text', (c) => c.notNull())
    .addColumn('charge', 'text', (c) => c.notNull())
    .addColumn('unit_price', 'text')
    .addColumn('monthly_cap', 'text')
    .addColumn('monthly_price', 'text')
    .addPrimaryKeyConstraint('price_plans_pk', ['id', 'valid_from'])
    .execute();

  await db.schema
    .createTable('usage_imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('content_digest', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addColumn('imported_by', 'text')
    .addUniqueConstraint('usage_imports_month_digest', ['month', 'content_digest'])
    .execute();

  await db.schema
    .createTable('bills')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('usage_import_id', 'integer', (c) => c.references('usage_imports.id'))
    .addColumn('tax_mode', 'text', (c) => c.notNull())
    .addColumn('tax_rate', 'text', (c) => c.notNull())
    .addColumn('subtotal', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('prepaid_applied', 'integer', (c) => c.notNull())
    .addColumn('amount_due', 'integer', (c) => c.notNull())
    .addColumn('payment_method', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'final')`))
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finalized_at', 'text')
    .addUniqueConstraint('bills_account_month', ['cloud_account_id', 'month'])
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.references('cloud_accounts.id'))
    .addColumn('bill_id', 'integer', (c) => c.references('bills.id'))
    .addColumn('related_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('subtotal', 'integer', (c) => c.notNull())
    .addColumn('tax', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('documents_member').on('documents').columns(['member_id', 'kind']).execute();

  await db.schema
    .createTable('deposits')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('value_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('payer_kana', 'text', (c) => c.notNull())
    .addColumn('bank_reference', 'text', (c) => c.notNull())
    .addColumn('source_digest', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('matched_document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deposits_status').on('deposits').columns(['status', 'value_date']).execute();

  // Before payments, which refer to it (PostgreSQL resolves a reference when the table is created).
  await db.schema
    .createTable('ledger_transactions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('posted_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('memo', 'text', (c) => c.notNull())
    .addColumn('posted_by', 'text')
    .addColumn('reference', 'text')
    .execute();
  await db.schema.createIndex('ledger_transactions_reference').on('ledger_transactions').column('reference').execute();

  await db.schema
    .createTable('payments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.references('cloud_accounts.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('bill_id', 'integer', (c) => c.references('bills.id'))
    .addColumn('deposit_id', 'integer', (c) => c.references('deposits.id'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('ledger_transaction_id', 'integer', (c) => c.references('ledger_transactions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('prepaid_ids')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('document_id', 'integer', (c) => c.references('documents.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issue_due_date', 'text')
    .addColumn('issued_at', 'text')
    .addColumn('registration_deadline', 'text')
    .addColumn('cloud_account_id', 'integer', (c) => c.references('cloud_accounts.id'))
    .addColumn('registered_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('prepaid_ids_account')
    .on('prepaid_ids')
    .columns(['cloud_account_id', 'expires_at'])
    .execute();

  await db.schema
    .createTable('account_status_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('cloud_account_id', 'integer', (c) => c.notNull().references('cloud_accounts.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ledger_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('transaction_id', 'integer', (c) => c.notNull().references('ledger_transactions.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('debit', 'integer', (c) => c.notNull().check(sql`debit >= 0`))
    .addColumn('credit', 'integer', (c) => c.notNull().check(sql`credit >= 0`))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('cloud_account_id', 'integer', (c) => c.references('cloud_accounts.id'))
    .execute();
  await db.schema
    .createIndex('ledger_entries_account')
    .on('ledger_entries')
    .columns(['account', 'transaction_id'])
    .execute();
  await db.schema.createIndex('ledger_entries_transaction').on('ledger_entries').column('transaction_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator_login', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('input_digest', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  await db.schema.createIndex('audit_log_operator').on('audit_log').columns(['operator_login', 'at']).execute();
  await db.schema.createIndex('audit_log_operation').on('audit_log').columns(['operation', 'at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('cloud_account_id', 'integer', (c) => c.references('cloud_accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sent_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema.createIndex('outbox_status').on('outbox').columns(['status', 'id']).execute();

  // Posted entries and audit rows are facts: corrections are new rows, never edits (DOMAIN.md, Accounting).
  for (const table of ['ledger_transactions', 'ledger_entries', 'audit_log']) await makeAppendOnly(db, table);
}
