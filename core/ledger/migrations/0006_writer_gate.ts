import type { Kysely } from 'kysely';

/**
 * Issue 16, the team ledger: an empty table whose only use is its lock. On PostgreSQL every writing transaction
 * takes it shared; one run again after colliding with another writer takes it alone (core/ledger/dialect.ts,
 * enterWriters), so the second attempt cannot collide again. On SQLite nothing locks it (the database's
 * write lock already lets one writer in at a time).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('writer_gate').addColumn('unused', 'integer').execute();
}
