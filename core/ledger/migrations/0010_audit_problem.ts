import type { Kysely } from 'kysely';

/**
 * Issue 14: a refusal's audit row keeps its problem code and params (core/problem-codes.ts) beside the English
 * detail, so the audit log is worded in the reader's language, as the refusal was on the screen.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('detail_code', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('detail_params', 'text').execute();
}
