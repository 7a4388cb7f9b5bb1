import { sql, type Kysely } from 'kysely';

/**
 * Issue 20 and issue 14 (accounting): value dates on payments and postings (R-ACC-2), customer credit kept from
 * an excess deposit, and refunds to pay out (R-ACC-1: what leaves suspense is posted).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  // R-ACC-2: the JST day the money moved, apart from when it was recorded (null on rows older than this).
  await db.schema.alterTable('payments').addColumn('value_date', 'text').execute();
  await db.schema.alterTable('ledger_transactions').addColumn('value_date', 'text').execute();

  await db.schema
    .createTable('customer_credits')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('member_id', 'integer', (c) => c.notNull().references('members.id'))
    .addColumn('deposit_id', 'integer', (c) => c.references('deposits.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('remaining', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('customer_credits_member').on('customer_credits').columns(['member_id']).execute();

  await db.schema
    .createTable('deposit_refunds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('deposit_id', 'integer', (c) => c.notNull().references('deposits.id'))
    .addColumn('member_id', 'integer', (c) => c.references('members.id'))
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('to_pay', 'paid')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('paid_by', 'text')
    .execute();
}
