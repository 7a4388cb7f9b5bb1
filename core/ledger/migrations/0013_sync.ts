import type { Kysely } from 'kysely';

/**
 * Issue 17, desktops in a team (core/api/apps/sync.ts, core/host/team-client): the offline operations a
 * desktop replayed (each id once, with the answer it got, so a replay twice changes nothing), and the blocks of
 * estimate numbers leased to a desktop for estimates drafted and issued while it cannot reach the server.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_applied')
    .addColumn('operation_id', 'text', (c) => c.primaryKey())
    .addColumn('desktop_id', 'text', (c) => c.notNull())
    .addColumn('operator_login', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('estimate_leases')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('desktop_id', 'text', (c) => c.notNull())
    .addColumn('operator_login', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('first_value', 'integer', (c) => c.notNull())
    .addColumn('last_value', 'integer', (c) => c.notNull())
    .addColumn('leased_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('estimate_leases_desktop').on('estimate_leases').column('desktop_id').execute();
}
