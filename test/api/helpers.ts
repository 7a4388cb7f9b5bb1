import { sql } from 'kysely';
import type { OperationInput, OperationName, OperationOutput } from '../../core/api/catalog-types';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';
import { openDatabase } from '../../core/ledger/open-database';
import { createOperator } from '../../core/parties';
import { copyLedgerPlace, freshLedgerPlace, type TestEngine, type TestLedgerPlace } from '../support/engine';

export { tempDir } from '../support/temp-dir';

export interface TestOffice {
  office: Backoffice;
  engine: TestEngine;
  /** The ledger's location (--db): an SQLite file or a postgres:// URL. */
  file: string;
  /** A scratch folder of the test's own. */
  dir: string;
  clock: { now: Date };
  /** Calls and expects success; returns the output, typed by the catalog for a named operation. */
  ok<K extends OperationName>(operation: K, input: OperationInput<K>, as: string | null): Promise<OperationOutput<K>>;
  /** The same for an input the test builds loosely; the output as the test says. */
  ok<T = unknown>(operation: string, input: unknown, as: string | null): Promise<T>;
  /** Row count of a table, read through a second connection (what is really committed). */
  count(table: string): Promise<number>;
  /**
   * The single value of a read-only query through that second connection. The SQL runs on both engines: use
   * what SQLite and PostgreSQL share (string_agg, ||, coalesce…).
   */
  scalar(query: string): Promise<unknown>;
  /**
   * Every row of a query through that second connection (same SQL rule as scalar). A test may write with it
   * what earlier issues' operations would have left (`insert … returning id`), committed at once.
   */
  rows<T = Record<string, unknown>>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

const templates = new Map<string, Promise<TestLedgerPlace>>();

/**
 * A ledger with the admin and one operator per role, made once per test process and start instant, then copied
 * for each test (a file copy, or CREATE DATABASE … TEMPLATE on PostgreSQL): hashing four passwords (scrypt) for
 * every test took about half of the unit tests' time. The copy is the ledger the calls would have written at
 * that instant.
 */
function withOperators(start: string): Promise<TestLedgerPlace> {
  let made = templates.get(start);
  if (!made) {
    made = (async () => {
      const place = await freshLedgerPlace();
      if (templates.size === 1) process.once('exit', () => templates.forEach((t) => void t.then((p) => p.dispose())));
      // Written through the parties store, under the catalog's 12-character minimum (D-SEC-2): the tests'
      // operators keep the short password "demo".
      const { db, close } = await openDatabase(place.location);
      await createOperator(db, { login: 'admin', displayName: '管理者', password: 'demo', roles: ['admin'] }, start);
      for (const role of ['sales', 'accounting', 'supervisor'] as const)
        await createOperator(db, { login: role, displayName: role, password: 'demo', roles: [role] }, start);
      await close();
      return place;
    })();
    templates.set(start, made);
  }
  return made;
}

/**
 * A back office on a temp file with a clock the test moves, an admin (`admin`) and one operator per role
 * (`sales`, `accounting`, `supervisor`), all with password "demo".
 */
export async function testOffice(start = '2026-11-10T01:00:00.000Z'): Promise<TestOffice> {
  const place = await copyLedgerPlace(await withOperators(start));
  const file = place.location;
  const clock = { now: new Date(start) };
  const office = await openBackoffice(file, { now: () => clock.now, channel: 'test' });
  async function ok(operation: string, input: unknown, as: string | null): Promise<never> {
    const result = await office.call(operation, input, as);
    if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result)}`);
    return result.output as never;
  }
  const reader = await openDatabase(file, { migrate: false, maxConnections: 1 });
  const rows = async <T>(query: string) => (await sql.raw<T>(query).execute(reader.db)).rows;
  const scalar = async (query: string) => {
    const [first] = await rows<Record<string, unknown>>(query);
    return first === undefined ? undefined : Object.values(first)[0];
  };
  return {
    office,
    engine: place.engine,
    file,
    dir: place.dir,
    clock,
    ok,
    count: async (table) => Number(await scalar(`select count(*) as n from ${table}`)),
    scalar,
    rows,
    async close() {
      await reader.close();
      await office.close();
      await place.dispose();
    },
  };
}
