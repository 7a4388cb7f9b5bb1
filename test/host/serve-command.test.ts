import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../core/cli/commands/serve';
import { InputError } from '../../core/errors';
import { rendererIsUpToDate } from '../../scripts/renderer-build.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'serve-command-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before printing its URL`)));
  });
}

describe('backoffice serve', () => {
  it('prints exactly one line, the URL with its token, answers the API, and closes on SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/backoffice.mjs', 'serve', '--db', path.join(work, 'serve.sqlite')], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
    try {
      const line = await firstLine(child);
      const match = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43})$/.exec(line);
      expect(match, line).not.toBeNull();
      const [, port, token] = match!;
      const status = await fetch(`http://127.0.0.1:${port}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(status.status).toBe(200);
      expect(await status.json()).toEqual({ output: { hasOperators: false } });
      // The app itself, not only the API: serve builds the renderer when it is missing or stale.
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
      expect(await page.text()).toContain('<script type="module"');
      const refused = await fetch(`http://127.0.0.1:${port}/api/operators.list`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(refused.status).toBe(401);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
    expect(stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
  });

  it('builds the renderer only when dist/renderer is missing or older than a source', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'renderer-build-'));
    try {
      mkdirSync(path.join(root, 'renderer'));
      writeFileSync(path.join(root, 'renderer', 'index.html'), '<!doctype html>');
      expect(rendererIsUpToDate(root)).toBe(false);
      mkdirSync(path.join(root, 'dist', 'renderer'), { recursive: true });
      writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), 'built');
      utimesSync(
        path.join(root, 'renderer', 'index.html'),
        new Date('2026-01-01T00:00:00Z'),
        new Date('2026-01-01T00:00:00Z'),
      );
      utimesSync(path.join(root, 'renderer'), new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));
      utimesSync(
        path.join(root, 'dist', 'renderer', 'index.html'),
        new Date('2026-01-02T00:00:00Z'),
        new Date('2026-01-02T00:00:00Z'),
      );
      expect(rendererIsUpToDate(root)).toBe(true);
      utimesSync(
        path.join(root, 'renderer', 'index.html'),
        new Date('2026-01-03T00:00:00Z'),
        new Date('2026-01-03T00:00:00Z'),
      );
      expect(rendererIsUpToDate(root)).toBe(false);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('D-SEC-18: `backoffice serve --idle-minutes 0` exits 2 naming the flag, before opening any ledger', () => {
    const db = path.join(work, 'never-made.sqlite');
    const run = spawnSync(process.execPath, ['bin/backoffice.mjs', 'serve', '--idle-minutes', '0', '--db', db], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--idle-minutes: must be a whole number of minutes from 1 to 720, not "0"\n');
  });

  it('refuses a bad --port or an unknown option, naming it', () => {
    const db = path.join(work, 'parse.sqlite');
    expect(() => parseServeArgs(['--port', '70000', '--db', db])).toThrow(InputError);
    expect(() => parseServeArgs(['--port', '70000', '--db', db])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '8x', '--db', db])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port', '0', '--db', db])).toThrow(/--port/);
    expect(() => parseServeArgs(['--port'])).toThrow(/--port: needs a value/);
    expect(() => parseServeArgs(['--db', db, '--verbose'])).toThrow(/--verbose/);
  });

  it('takes --db FILE and --port N (either spelling), and a free port by default', () => {
    const db = path.join(work, 'nested', 'parse.sqlite');
    expect(parseServeArgs(['--port', '8123', '--db', db])).toEqual({ dbFile: db, port: 8123 });
    expect(parseServeArgs(['--port=8124', `--db=${db}`])).toEqual({ dbFile: db, port: 8124 });
    expect(parseServeArgs(['--db', db]).port).toBe(0);
    expect(existsSync(path.dirname(db))).toBe(true);
  });
});
