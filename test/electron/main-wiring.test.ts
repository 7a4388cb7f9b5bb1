import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildElectron } from '../../scripts/build-electron.mjs';

const repo = path.resolve(import.meta.dirname, '../..');
// Inside the repository so the bundle's external packages resolve from node_modules as they do in the app.
const out = path.join(repo, 'test-output', `electron-wiring-${process.pid}`);
const work = mkdtempSync(path.join(tmpdir(), 'electron-wiring-'));
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('electron/main.ts wiring, run in Node against a stand-in electron module', () => {
  it('routes IPC with the signed-in login, refuses foreign senders, serves app:// with the CSP, denies permissions, closes on quit', async () => {
    mkdirSync(out, { recursive: true });
    await (buildElectron as (dir: string) => Promise<void>)(out);
    const stdout = execFileSync(
      process.execPath,
      [path.join(import.meta.dirname, 'fake-electron-harness.mjs'), path.join(out, 'main.cjs'), work],
      {
        cwd: repo,
        env: { ...process.env, BACKOFFICE_DB: path.join(work, 'ledger.db') },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const seen = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(seen.errors).toEqual([]);
    expect(seen.privileged).toEqual([expect.objectContaining({ scheme: 'app' })]);
    expect(seen.windows).toHaveLength(1);
    expect(seen.windows[0].url).toBe('app://bundle/index.html');
    expect(seen.windows[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(seen.windows[0].options.webPreferences.preload).toBe(path.join(out, 'preload.cjs'));
    expect(seen.channels).toEqual(['backoffice:call']);

    expect(seen.status).toEqual({ ok: true, output: { hasOperators: false } });
    expect(seen.foreign).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(seen.iframe).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(seen.listBefore).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(seen.signIn).toEqual({ ok: true, output: { login: 'admin', name: '管理者', roles: ['admin'] } });
    expect(seen.listAfter.ok).toBe(true);

    expect(seen.page.status).toBe(404); // the temporary bundle has no renderer next to it
    expect(seen.page.csp).toContain("connect-src 'none'");
    expect(seen.escape).toBe(404);
    expect(seen.hookedCsp).toEqual([expect.stringContaining("default-src 'self'")]);
    expect(seen.permission).toEqual({ request: false, check: false });
    expect(seen.menu.some((item: { role?: string }) => item.role === 'editMenu')).toBe(true);
    expect(seen.quitPrevented).toBe(true);
    expect(seen.quit).toBe(true);
  }, 90_000);
});
