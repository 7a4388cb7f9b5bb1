import type { Kysely } from 'kysely';

/**
 * Issue 13, sign-in backoff per address (D-SEC-19): an audit row keeps the network address its call came from
 * (null for the app's own window, the command line and the schedule), so failed sign-ins are counted per
 * address from the audit log, as they are per login.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was, untyped
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('client_address', 'text').execute();
  await db.schema.createIndex('audit_log_client_address').on('audit_log').columns(['client_address', 'at']).execute();
}
