import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../api/helpers';

const root = path.resolve(import.meta.dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function backoffice(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/backoffice.mjs', ...args],
      { cwd: root, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// Each spawn starts a Node process (seconds on a busy machine): a generous timeout per test.
describe('the backoffice command line', { timeout: 120_000 }, () => {
  it('operations prints the catalog: name, roles and a JSON Schema input for each', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const run = await backoffice(['operations', '--db', path.join(dir, 'l.db')]);
      expect(run.code).toBe(0);
      const ops = JSON.parse(run.stdout) as { name: string; roles: string[]; input: { type: string } }[];
      expect(ops.find((o) => o.name === 'members.create')).toMatchObject({
        roles: ['sales'],
        input: { type: 'object' },
      });
      expect(ops.every((o) => Object.keys(o).join() === 'name,roles,input')).toBe(true);
    } finally {
      cleanup();
    }
  });

  it('call runs an operation as --as, prints its output; bad input exits 2 naming each field; a refusal exits 1 with its kind', async () => {
    const { dir, cleanup } = tempDir();
    const db = path.join(dir, 'l.db');
    try {
      // BACKOFFICE_DB replaces the default file when --db is not given.
      const first = await backoffice(
        ['call', 'setup.createFirstAdmin', '{"login":"admin","displayName":"管理者","password":"pw12-long-enough"}'],
        { BACKOFFICE_DB: db },
      );
      expect([first.code, JSON.parse(first.stdout)]).toEqual([0, { login: 'admin', name: '管理者', roles: ['admin'] }]);
      await backoffice([
        'call',
        'operators.create',
        '{"login":"sales","displayName":"営業","password":"pw12-long-enough","roles":["sales"]}',
        '--as',
        'admin',
        '--db',
        db,
      ]);
      const created = await backoffice([
        'call',
        'members.create',
        '{"kind":"corporation","name":"株式会社田中電機","nameKana":"ｶ)ﾀﾅｶﾃﾞﾝｷ","email":"a@tanaka.example"}',
        '--as',
        'sales',
        '--db',
        db,
      ]);
      expect([created.code, JSON.parse(created.stdout).memberNumber]).toEqual([0, 'M-000001']);
      const bad = await backoffice([
        'call',
        'members.create',
        '{"kind":"corporation","name":"","nameKana":"ｶ)ﾀﾅｶ","email":"x"}',
        '--as',
        'sales',
        '--db',
        db,
      ]);
      expect([bad.code, bad.stdout, bad.stderr]).toEqual([
        2,
        '',
        'name: a name is required\nemail: not an e-mail address\n',
      ]);
      const refused = await backoffice(['call', 'operators.list', '{}', '--as', 'sales', '--db', db]);
      expect([refused.code, refused.stderr]).toEqual([1, 'forbidden: operators.list needs one of the roles admin\n']);
      const notJson = await backoffice(['call', 'members.search', '{oops', '--as', 'sales', '--db', db]);
      expect(notJson.code).toBe(2);
      expect(notJson.stderr).toMatch(/^input: not JSON/);
      const reader = new BetterSqlite3(db, { readonly: true });
      const audit = reader
        .prepare('select operator_login, channel, operation, outcome from audit_log order by id')
        .all();
      reader.close();
      expect(audit).toEqual([
        { operator_login: null, channel: 'cli', operation: 'setup.createFirstAdmin', outcome: 'ok' },
        { operator_login: 'admin', channel: 'cli', operation: 'operators.create', outcome: 'ok' },
        { operator_login: 'sales', channel: 'cli', operation: 'members.create', outcome: 'ok' },
        { operator_login: 'sales', channel: 'cli', operation: 'operators.list', outcome: 'forbidden' },
      ]);
    } finally {
      cleanup();
    }
  });

  it('demo fills a database deterministically; trial-balance prints a balanced ledger; backup copies it while in use', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const a = path.join(dir, 'a.db');
      const demo = await backoffice(['demo', '--db', a, '--seed', '7', '--members', '40']);
      expect(demo.code).toBe(0);
      const summary = JSON.parse(demo.stdout);
      expect(summary).toMatchObject({ members: 40, usageMonths: expect.any(Array) });
      expect(summary.operators.map((o: { login: string; password: string }) => `${o.login}/${o.password}`)).toEqual([
        'admin/demo',
        'sales/demo',
        'accounting/demo',
        'supervisor/demo',
      ]);
      const again = await backoffice(['demo', '--db', a, '--seed', '7', '--members', '40']);
      expect([again.code, again.stderr]).toEqual([1, 'unauthenticated: setup.loadDemo needs a signed-in operator\n']);

      const tb = await backoffice(['trial-balance', '--as', 'accounting', '--db', a]);
      expect(tb.code).toBe(0);
      expect(JSON.parse(tb.stdout)).toMatchObject({ balanced: true, totalDebit: '0', totalCredit: '0' });

      const copy = path.join(dir, 'copy.db');
      const backup = await backoffice(['backup', '--to', copy, '--as', 'admin', '--db', a]);
      expect(backup.code).toBe(0);
      const original = new BetterSqlite3(a, { readonly: true });
      const copied = new BetterSqlite3(copy, { readonly: true });
      const fingerprint = (d: BetterSqlite3.Database) =>
        d
          .prepare(
            "select group_concat(member_number || name || name_kana, '|') from (select * from members order by id)",
          )
          .pluck()
          .get();
      expect(fingerprint(copied)).toBe(fingerprint(original));
      expect(copied.pragma('integrity_check', { simple: true })).toBe('ok');
      original.close();
      copied.close();
      const refused = await backoffice(['backup', '--to', copy, '--as', 'admin', '--db', a]);
      expect([refused.code, refused.stderr]).toEqual([2, `--to: ${copy} exists already; choose a new file\n`]);
      expect(existsSync(copy)).toBe(true);
    } finally {
      cleanup();
    }
  });
});
