import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openBackoffice } from '../core/api/open';
import type { Backoffice } from '../core/api/service';
import { closeMonth, importUsage } from '../core/close';
import { openDatabase } from '../core/ledger/open-database';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.mjs';
import { seed } from './close';
import type { Benchmark } from './lib/benchmark';
import { ms, perSecond, printBlock } from './lib/report';
import { generateMonth } from './rating';

/**
 * The team ledger (issue 16), PostgreSQL beside SQLite on this machine: the month close of 10,000 accounts
 * (bills, statement data, postings; the PDFs are the close benchmark's), and 1,000 operations from 8 clients
 * at once. PostgreSQL is embedded-postgres on the same 2 cores, with fsync on, as a team server would run.
 */

const ACCOUNTS = 10_000;
const CLIENTS = 8;
const OPERATIONS = 1_000;
/** Floors: the close as the close benchmark allows for SQLite; operations at least 20 a second on either engine. */
const CLOSE_LIMIT_MS = 120_000;
const MIN_OPS_PER_SECOND = 20;
const NOW = new Date('2026-11-05T01:00:00.000Z');

async function closeOf(location: string): Promise<{ ms: number; bills: number }> {
  await seed(location);
  const { usage } = generateMonth(20261001, ACCOUNTS);
  for (const a of (usage as { accounts: { account: string }[] }).accounts)
    a.account = `CA-${String(Number(a.account.slice(3)) + 1).padStart(6, '0')}`;
  const { db, close } = await openDatabase(location);
  try {
    await importUsage(db, JSON.stringify(usage), NOW.toISOString(), 'bench');
    const started = performance.now();
    const result = await closeMonth(db, { month: '2026-10', now: NOW, by: 'bench' });
    return { ms: performance.now() - started, bills: result.bills };
  } finally {
    await close();
  }
}

interface OperationRun {
  wallMs: number;
  latencies: number[];
  failures: string[];
}

/** 8 clients, each its own back office on PostgreSQL (one shared on SQLite: one writer per process), 1,000 calls. */
async function operationsOn(location: string, separateClients: boolean): Promise<OperationRun> {
  const first = await openBackoffice(location, { now: () => NOW, channel: 'bench' });
  const must = async (op: string, input: unknown, as: string | null) => {
    const r = await first.call(op, input, as);
    if (!r.ok) throw new Error(`${op}: ${r.message}`);
    return r.output as Record<string, string>;
  };
  await must('setup.createFirstAdmin', { login: 'admin', displayName: 'admin', password: 'bench-password' }, null);
  for (const role of ['sales', 'accounting'])
    await must(
      'operators.create',
      { login: role, displayName: role, password: 'bench-password', roles: [role] },
      'admin',
    );
  const clients: Backoffice[] = [first];
  for (let i = 1; i < CLIENTS; i++)
    clients.push(separateClients ? await openBackoffice(location, { now: () => NOW, channel: 'bench' }) : first);
  const latencies: number[] = [];
  const failures: string[] = [];
  const perClient = OPERATIONS / CLIENTS;
  const started = performance.now();
  await Promise.all(
    clients.map(async (office, c) => {
      let member = '';
      let account = '';
      for (let i = 0; i < perClient; i++) {
        // A desk's day in miniature: a new member and account, an estimate drafted, the member looked up.
        const step = i % 5;
        const [op, input, as]: [string, unknown, string] =
          step === 0
            ? [
                'members.create',
                {
                  kind: 'corporation',
                  name: `株式会社負荷${c}-${i}`,
                  nameKana: 'ｶ)ﾌｶ',
                  email: `l${c}-${i}@example.jp`,
                },
                'sales',
              ]
            : step === 1
              ? ['cloudAccounts.create', { memberNumber: member }, 'sales']
              : step === 2
                ? ['estimates.draft', { memberNumber: member, amount: '30000' }, 'sales']
                : step === 3
                  ? ['members.get', { memberNumber: member }, 'accounting']
                  : ['members.search', { query: 'ﾌｶ' }, 'accounting'];
        const t0 = performance.now();
        const r = await office.call(op, input, as);
        latencies.push(performance.now() - t0);
        if (!r.ok) failures.push(`${op}: ${r.kind}`);
        else if (step === 0) member = (r.output as { memberNumber: string }).memberNumber;
        else if (step === 1) account = (r.output as { code: string }).code;
      }
      void account;
    }),
  );
  const wallMs = performance.now() - started;
  for (const office of new Set(clients)) await office.close();
  return { wallMs, latencies, failures };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export const benchmark: Benchmark = {
  name: 'team',
  async run() {
    const dir = mkdtempSync(path.join(tmpdir(), 'bench-team-'));
    // PostgreSQL may run as another user (as root: the `postgres` user): it must reach its folder inside.
    chmodSync(dir, 0o755);
    const postgres = await startEmbeddedPostgres({ dir: path.join(dir, 'pg'), persistent: false });
    const admin = new pg.Client({ connectionString: `${postgres.server}postgres` });
    await admin.connect();
    try {
      await admin.query('create database close_bench');
      await admin.query('create database ops_bench');
      const sqliteClose = await closeOf(path.join(dir, 'close.db'));
      const postgresClose = await closeOf(`${postgres.server}close_bench`);
      const sqliteOps = await operationsOn(path.join(dir, 'ops.db'), false);
      const postgresOps = await operationsOn(`${postgres.server}ops_bench`, true);
      const ok =
        sqliteClose.bills === ACCOUNTS &&
        postgresClose.bills === ACCOUNTS &&
        postgresClose.ms < CLOSE_LIMIT_MS &&
        sqliteOps.failures.length === 0 &&
        postgresOps.failures.length === 0 &&
        OPERATIONS / (postgresOps.wallMs / 1000) >= MIN_OPS_PER_SECOND &&
        OPERATIONS / (sqliteOps.wallMs / 1000) >= MIN_OPS_PER_SECOND;
      const opsRow = (r: OperationRun): string =>
        `${perSecond(OPERATIONS, r.wallMs)}  p50 ${ms(percentile(r.latencies, 50))}  p95 ${ms(percentile(r.latencies, 95))}  ` +
        `(${ms(r.wallMs)} in all; ${r.failures.length === 0 ? 'none refused' : `refused: ${r.failures.slice(0, 3).join(', ')}`})`;
      printBlock(`team: PostgreSQL (embedded, fsync on) beside SQLite, ${CLIENTS} clients`, [
        [
          `month close, ${ACCOUNTS.toLocaleString('en-US')} accounts: SQLite`,
          `${ms(sqliteClose.ms)}  ${perSecond(ACCOUNTS, sqliteClose.ms)}`,
        ],
        [
          `month close, ${ACCOUNTS.toLocaleString('en-US')} accounts: PostgreSQL`,
          `${ms(postgresClose.ms)}  ${perSecond(ACCOUNTS, postgresClose.ms)}  (limit ${ms(CLOSE_LIMIT_MS)})`,
        ],
        [
          `${OPERATIONS.toLocaleString('en-US')} operations, ${CLIENTS} clients at once: SQLite (one process)`,
          opsRow(sqliteOps),
        ],
        [
          `${OPERATIONS.toLocaleString('en-US')} operations, ${CLIENTS} clients at once: PostgreSQL`,
          opsRow(postgresOps),
        ],
        ['verdict', ok ? 'within limits' : 'OVER LIMITS'],
      ]);
      return ok;
    } finally {
      await admin.end();
      await postgres.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
