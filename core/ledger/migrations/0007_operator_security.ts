import type { Kysely } from 'kysely';

/**
 * Issue 13, hardening. Operators: a password an admin reset must be replaced at the next sign-in
 * (`must_change_password`), and a session is over once `session_generation` moved past the one it began in
 * (sign-out everywhere, a deactivation, a new password). The audit log keeps the input itself, secrets masked (`input`, canonical
 * JSON), and a refusal's problem code (`code`), by which failed sign-ins are counted for the backoff.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('operators')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('operators')
    .addColumn('session_generation', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('audit_log').addColumn('input', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('code', 'text').execute();
}
