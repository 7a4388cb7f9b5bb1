import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCloudAccount, createMember } from '../../core/parties';
import { openBackoffice } from '../../core/api/open';
import { importUsage } from '../../core/close';
import { openDatabase } from '../../core/ledger/open-database';
import { copyLedgerPlace, freshLedgerPlace, type TestLedgerPlace } from '../support/engine';

const ACCOUNTS = 300;
const BATCH = '10';
const CLI = path.resolve('bin/backoffice.mjs');
const AS = ['--as', 'accounting'];

/** A seeded month: per account 1–3 VMs stopping and starting, so each bill is different. */
function usage(codes: string[], seed = 7): string {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const plans = ['vm.light.s1', 'vm.standard.s4', 'vm.standard.m8', 'vm.highcpu.m8'];
  const at = (day: number, hour: number) =>
    `2026-10-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+09:00`;
  return JSON.stringify({
    month: '2026-10',
    accounts: codes.map((code) => ({
      account: code,
      resources: Array.from({ length: 1 + Math.floor(random() * 3) }, (_, v) => {
        const events = [{ at: at(1 + Math.floor(random() * 5), Math.floor(random() * 24)), type: 'create' }];
        let day = 6;
        for (let k = 0; k < 4 && day < 28; k++, day += 1 + Math.floor(random() * 5)) {
          events.push({ at: at(day, 9), type: k % 2 === 0 ? 'stop' : 'start' });
        }
        return { id: `vm-${v + 1}`, plan: plans[Math.floor(random() * plans.length)]!, events };
      }),
    })),
  });
}

/** Bills, statements and ledger entries, timestamps left out. */
async function digest(location: string): Promise<{ hash: string; bills: number; entries: number; closed: boolean }> {
  const { db, close: closeDb } = await openDatabase(location, { migrate: false });
  const all = async <T = unknown>(query: string) => (await sql.raw<T>(query).execute(db)).rows;
  try {
    const bills = await all(
      'select b.id, a.code, b.month, b.usage_import_id, b.tax_mode, b.tax_rate, b.subtotal, b.tax, b.total, b.prepaid_applied, b.amount_due, b.payment_method, b.status, b.detail from bills b join cloud_accounts a on a.id = b.cloud_account_id order by b.id',
    );
    const docs = await all(
      'select id, kind, number, member_id, cloud_account_id, bill_id, status, issued_at, due_date, subtotal, tax, total, content from documents order by id',
    );
    const entries = await all(
      'select t.id, t.kind, t.memo, t.reference, e.line_no, e.account, e.debit, e.credit, e.member_id, e.cloud_account_id from ledger_entries e join ledger_transactions t on t.id = e.transaction_id order by e.id',
    );
    const counters = await all('select * from counters order by name');
    const close = await all<{ closed: number }>(
      'select month, bill_count, case when closed_at is null then 0 else 1 end as closed from month_closes',
    );
    const hash = createHash('sha256').update(JSON.stringify({ bills, docs, entries, counters, close })).digest('hex');
    return { hash, bills: bills.length, entries: entries.length, closed: close[0]?.closed === 1 };
  } finally {
    await closeDb();
  }
}

function closeToEnd(file: string): string {
  const r = spawnSync(process.execPath, [CLI, 'close-month', '2026-10', ...AS, '--db', file, '--batch', BATCH], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** Starts the close and SIGKILLs it once it has reported `afterBatches` committed batches. */
function closeAndKill(file: string, afterBatches: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'close-month', '2026-10', ...AS, '--db', file, '--batch', BATCH], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let seen = 0;
    let buffered = '';
    let done = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = /: (\d+)\/\d+ bills$/.exec(line);
        if (!m) continue;
        done = Number(m[1]);
        if (++seen > afterBatches) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? resolve(done)
        : reject(new Error(`the close ended before it was killed (${String(_code)})`)),
    );
  });
}

describe('close-month killed at random points', () => {
  let base: TestLedgerPlace;
  const copies: TestLedgerPlace[] = [];
  const copyOfBase = async () => {
    const copy = await copyLedgerPlace(base);
    copies.push(copy);
    return copy.location;
  };

  beforeAll(async () => {
    base = await freshLedgerPlace();
    const { db, close } = await openDatabase(base.location);
    const at = '2026-10-01T00:00:00.000Z';
    const codes: string[] = [];
    for (let i = 0; i < ACCOUNTS / 2; i++) {
      const m = await createMember(
        db,
        { kind: 'corporation', name: `株式会社再開${i}`, nameKana: 'ｶ)ｻｲｶｲ', email: `r${i}@example.jp` },
        at,
      );
      for (let a = 0; a < 2; a++) codes.push((await createCloudAccount(db, m.id, undefined, at)).code);
    }
    await importUsage(db, usage(codes), at, null);
    await close();
    const office = await openBackoffice(base.location, { channel: 'test' });
    const operator = { displayName: '経理', password: 'demo-passphrase' };
    await office.call('setup.createFirstAdmin', { login: 'admin', ...operator }, null);
    await office.call('operators.create', { login: 'accounting', ...operator, roles: ['accounting'] }, 'admin');
    await office.close();
  }, 60_000);
  afterAll(async () => {
    for (const place of [...copies, base]) await place.dispose();
  });

  it('resumed after SIGKILL, bills and ledger are identical to an uninterrupted close; run again, it changes nothing', async () => {
    const whole = await copyOfBase();
    closeToEnd(whole);
    const expected = await digest(whole);
    expect(expected).toMatchObject({ bills: ACCOUNTS, closed: true });

    const killed = await copyOfBase();
    // Two kills, each after a different number of committed batches (fixed, so a failure reproduces).
    const first = 3;
    const billedAtFirstKill = await closeAndKill(killed, first);
    expect(billedAtFirstKill).toBeGreaterThan(0);
    const partial = await digest(killed);
    expect(partial.closed).toBe(false);
    expect(partial.bills).toBeGreaterThanOrEqual(billedAtFirstKill);
    expect(partial.bills).toBeLessThan(ACCOUNTS);
    await closeAndKill(killed, first + 3);
    const out = JSON.parse(closeToEnd(killed)) as { resumed: boolean };
    expect(out.resumed).toBe(true);
    expect(await digest(killed)).toEqual(expected);

    const again = JSON.parse(closeToEnd(killed)) as { alreadyClosed: boolean };
    expect(again.alreadyClosed).toBe(true);
    expect(await digest(killed)).toEqual(expected);
  }, 180_000);
});
