import { sql, type Kysely } from 'kysely';
import { updatingAppendOnly } from '../dialect';

/**
 * A refusal's problem code has one column in the audit log, `detail_code` (0010), which the screens word and
 * the sign-in backoff counts from. Rows written before 0010 had it only in `code` (0007): it is copied over,
 * then `code` is dropped (nothing indexes it and no trigger names it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await updatingAppendOnly(db, 'audit_log', async () => {
    await sql`update audit_log set detail_code = code where detail_code is null and code is not null`.execute(db);
  });
  await db.schema.alterTable('audit_log').dropColumn('code').execute();
}
