import { sql, type Kysely } from 'kysely';

/**
 * D-LEDGER-9: deposits are found by status only to list the held ones (deposits.held): 0001's index of
 * (status, value_date) over every deposit is replaced by an index of the held ones alone.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deposits_held')
    .on('deposits')
    .column('id')
    .where(sql.ref('status'), '=', 'held')
    .execute();
  await db.schema.dropIndex('deposits_status').execute();
}
