import { Migrator, sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PostgresSchemaPlugin } from '../../core/ledger/dialect';
import { migrations } from '../../core/ledger/migrations';
import { openDatabase } from '../../core/ledger/open-database';
import { emptyLedgerPlace } from '../support/engine';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema as it was before 0015, untyped
type OldDb = Kysely<any>;

const row = { operator_login: 'sales', channel: 'app', operation: 'session.signIn', input_digest: 'x', input: '{}' };

describe('0015: one problem code column in the audit log', () => {
  it('copies 0007 `code` into an empty `detail_code`, drops `code`, and the log stays append-only', async () => {
    const place = await emptyLedgerPlace();
    const opened = await openDatabase(place.location, { migrate: false });
    try {
      const db = (opened.engine === 'postgres' ? opened.db.withPlugin(new PostgresSchemaPlugin()) : opened.db) as OldDb;
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo('0013_sync')).error).toBeUndefined();
      await db
        .insertInto('audit_log')
        .values([
          // Written between 0007 and 0010: the code only in `code`.
          { ...row, at: '2026-11-20T01:00:00.000Z', outcome: 'unauthenticated', code: 'session.wrong_password' },
          // Written since 0010: both filled alike.
          {
            ...row,
            at: '2026-11-21T01:00:00.000Z',
            outcome: 'invalid',
            code: 'value.required',
            detail_code: 'value.required',
            detail_params: '{}',
          },
          { ...row, at: '2026-11-22T01:00:00.000Z', outcome: 'ok' },
        ])
        .execute();
      expect((await migrator.migrateToLatest()).error).toBeUndefined();

      const rows = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
      expect(rows.map((r) => [r.outcome, r.detail_code, r.detail_params])).toEqual([
        ['unauthenticated', 'session.wrong_password', null],
        ['invalid', 'value.required', '{}'],
        ['ok', null, null],
      ]);
      expect(Object.keys(rows[0]!)).not.toContain('code');
      await expect(sql`update audit_log set detail = 'edited'`.execute(db)).rejects.toThrow(/audit_log is append-only/);
      await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/audit_log is append-only/);
    } finally {
      await opened.close();
      await place.dispose();
    }
  });
});
