import type BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { holdWriteLock } from '../support/write-lock';
import { testOffice, type TestOffice } from './helpers';

/**
 * Issue 13: while another connection holds the ledger's write lock (a long bank or usage import in another
 * process), the browser host's readers answer, and its writers wait, then answer 503 `ledger.busy` with nothing
 * written: never a 500 (D-SEC-17, D-SEC-20). The busy timeout is lowered through its seam to keep this fast.
 */

const BUSY_TIMEOUT_MS = 50;

let t: TestOffice | undefined;
let office: Backoffice | undefined;
let host: BrowserHost | undefined;
let importer: BetterSqlite3.Database | undefined;
afterEach(async () => {
  importer?.close();
  importer = undefined;
  await host?.close();
  host = undefined;
  await office?.close();
  office = undefined;
  await t?.close();
  t = undefined;
});

interface Answer {
  status: number;
  body: { kind?: string; code?: string; session?: string; output?: unknown };
}

async function hostOverLedger(busyTimeoutMs = BUSY_TIMEOUT_MS) {
  t = await testOffice();
  const clock = t.clock;
  office = await openBackoffice(t.file, { now: () => clock.now, channel: 'http', busyTimeoutMs });
  host = await startBrowserHost({ backoffice: office, clock: () => clock.now });
  const api = async (operation: string, input: unknown, session?: string): Promise<Answer> => {
    const res = await fetch(`http://127.0.0.1:${host!.port}/api/${operation}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${host!.token}`,
        'Content-Type': 'application/json',
        ...(session === undefined ? {} : { 'X-Session': session }),
      },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  };
  const signIn = async (login: string) => (await api('session.signIn', { login, password: 'demo' })).body.session!;
  return { t, api, signIn };
}

const member = { kind: 'individual', name: '田中 一郎', nameKana: 'ﾀﾅｶ ｲﾁﾛｳ', email: 't@example.jp' };

describe('writers beside a long import', () => {
  it('D-SEC-20: reads answer from the last commit; a write, a refused write and a failed sign-in answer 503 ledger.busy with nothing written, never 500; then the write goes through', async () => {
    const { t, api, signIn } = await hostOverLedger();
    const sales = await signIn('sales');
    const accounting = await signIn('accounting');
    expect((await api('members.create', member, sales)).status).toBe(200);
    const auditRows = await t.count('audit_log');
    importer = holdWriteLock(t.file);

    const search = await api('members.search', { query: 'ﾀﾅｶ' }, sales);
    expect(search).toMatchObject({ status: 200, body: { output: { total: 1, items: [{ email: 't@example.jp' }] } } });

    const busy = { status: 503, body: { kind: 'busy', code: 'ledger.busy' } };
    // A write waits for the lock, then says busy.
    expect(await api('members.create', { ...member, name: '田中 二郎' }, sales)).toMatchObject(busy);
    // A refusal is audited: with the ledger busy it cannot be, and says so rather than failing.
    expect(await api('members.create', member, accounting)).toMatchObject(busy);
    // A wrong password is audited too (and counted, D-SEC-5).
    expect(await api('session.signIn', { login: 'sales', password: 'not-the-one' })).toMatchObject(busy);
    // An input nested past the limit is audited as it is refused (D-SEC-8).
    const deep = JSON.parse('['.repeat(100) + ']'.repeat(100)) as unknown;
    expect(await api('members.create', { ...member, name: deep }, sales)).toMatchObject(busy);

    importer.exec('rollback');
    expect(await t.count('audit_log')).toBe(auditRows);
    expect(await t.count('members')).toBe(1);
    expect((await api('members.create', { ...member, name: '田中 二郎' }, sales)).status).toBe(200);
    expect(await api('members.create', member, accounting)).toMatchObject({ status: 403 });
    expect(await t.count('members')).toBe(2);
  });

  it('D-SEC-20: while a write from this host waits for the lock, the host goes on answering reads at once', async () => {
    // A busy timeout of a second: the write waits five of them before it says busy.
    const { t, api, signIn } = await hostOverLedger(1000);
    const sales = await signIn('sales');
    importer = holdWriteLock(t.file);
    const timed = async (answer: Promise<Answer>) => {
      const start = performance.now();
      const result = await answer;
      return { ...result, ms: performance.now() - start, at: performance.now() };
    };
    const write = timed(api('members.create', member, sales));
    const read = await timed(api('members.search', { query: '' }, sales));
    expect(read).toMatchObject({ status: 200, body: { output: { total: 0 } } });
    expect(read.ms).toBeLessThan(500);
    const written = await write;
    expect(written).toMatchObject({ status: 503, body: { code: 'ledger.busy' } });
    expect(written.ms).toBeGreaterThanOrEqual(5000);
    expect(read.at).toBeLessThan(written.at);
  });
});
