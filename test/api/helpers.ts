import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { OperationInput, OperationName, OperationOutput } from '../../core/api/catalog-types';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';

/** A fresh directory for one test's database files; removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'backoffice-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface TestOffice {
  office: Backoffice;
  file: string;
  clock: { now: Date };
  /** Calls and expects success; returns the output, typed by the catalog for a named operation. */
  ok<K extends OperationName>(operation: K, input: OperationInput<K>, as: string | null): Promise<OperationOutput<K>>;
  /** The same for an input the test builds loosely; the output as the test says. */
  ok<T = unknown>(operation: string, input: unknown, as: string | null): Promise<T>;
  /** Row count of a table, read through a second connection (what is really on disk). */
  count(table: string): number;
  /** The single value of a read-only query through that second connection. */
  scalar(query: string): unknown;
  close(): Promise<void>;
}

const templates = new Map<string, Promise<string>>();
const templateDirs: (() => void)[] = [];

/**
 * A ledger with the admin and one operator per role, made once per test process and start instant, then copied
 * for each test: hashing four passwords (scrypt) for every test took about half of the unit tests' time. The
 * copy is the same file the calls would have written at that instant.
 */
function withOperators(start: string): Promise<string> {
  let made = templates.get(start);
  if (!made) {
    made = (async () => {
      const { dir, cleanup } = tempDir();
      if (templateDirs.length === 0) process.once('exit', () => templateDirs.forEach((remove) => remove()));
      templateDirs.push(cleanup);
      const file = path.join(dir, 'operators.db');
      const office = await openBackoffice(file, { now: () => new Date(start), channel: 'test' });
      const ok = async (operation: string, input: unknown, as: string | null) => {
        const result = await office.call(operation, input, as);
        if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result)}`);
      };
      await ok('setup.createFirstAdmin', { login: 'admin', displayName: '管理者', password: 'demo' }, null);
      for (const role of ['sales', 'accounting', 'supervisor'] as const) {
        await ok('operators.create', { login: role, displayName: role, password: 'demo', roles: [role] }, 'admin');
      }
      await office.close();
      return file;
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
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'ledger.db');
  copyFileSync(await withOperators(start), file);
  const clock = { now: new Date(start) };
  const office = await openBackoffice(file, { now: () => clock.now, channel: 'test' });
  async function ok(operation: string, input: unknown, as: string | null): Promise<never> {
    const result = await office.call(operation, input, as);
    if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result)}`);
    return result.output as never;
  }
  const reader = new BetterSqlite3(file, { readonly: true });
  return {
    office,
    file,
    clock,
    ok,
    count: (table) => (reader.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n,
    scalar: (query) => reader.prepare(query).pluck().get(),
    async close() {
      reader.close();
      await office.close();
      cleanup();
    },
  };
}
