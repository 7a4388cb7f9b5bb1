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
    expect(seen.windows).toHaveLength(2); // the app's, and the print window
    expect(seen.windows[0].url).toBe('app://bundle/index.html');
    expect(seen.windows[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      devTools: false,
    });
    expect(seen.windows[0].options.webPreferences.preload).toBe(path.join(out, 'preload.cjs'));
    expect(seen.channels).toEqual(['backoffice:call', 'backoffice:print']);

    expect(seen.status).toEqual({ ok: true, output: { hasOperators: false } });
    expect(seen.foreign).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(seen.iframe).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(seen.listBefore).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(seen.signIn).toMatchObject({
      ok: true,
      output: { login: 'admin', name: '管理者', roles: ['admin'], mustChangePassword: false, sessionGeneration: 0 },
    });
    // What the admin's screens may offer comes with signing in (D-UI-1 in renderer/README.md).
    expect((seen.signIn as { output: { operations: string[] } }).output.operations).toContain('operators.create');
    expect(seen.listAfter.ok).toBe(true);

    // Printing: the estimate's PDF went to a hidden print window through a private temporary file, then both went.
    expect(seen.printed).toEqual({
      ok: true,
      output: { file: { name: 'EST-2026-000001.pdf', mediaType: 'application/pdf', printed: true } },
    });
    expect(seen.prints).toEqual([
      { options: { silent: false, printBackground: true }, pdf: '%PDF-', name: 'EST-2026-000001.pdf' },
    ]);
    const printWindow = seen.windows[1];
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { partition: 'backoffice-print', sandbox: true },
    });
    expect(printWindow.options.webPreferences.preload).toBeUndefined();
    expect(printWindow.destroyed).toBe(true);
    expect(seen.printTemp).toEqual([]);
    expect(seen.printForeign).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(seen.printWrite).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'operation' }] });

    // Logs: one file for the day in userData/logs, with every call by name and never an input; crash reports there too.
    expect(seen.crash).toEqual({ uploadToServer: false });
    expect(seen.paths.crashDumps).toBe(path.join(work, 'userData', 'logs', 'crashes'));
    expect(seen.openedPath).toBe(path.join(work, 'userData', 'logs'));
    expect(seen.logFiles).toEqual(['backoffice-2026-11-24.log']);
    expect(seen.log).toContain('call session.signIn ok');
    expect(seen.log).toContain('call operators.list unauthenticated');
    expect(seen.log).toContain('print estimates.pdf ok');
    expect(seen.log).toContain('call members.create ok');
    for (const secret of ['admin-pass', 'sales-pass', '青空商事', 'keiri@aozora'])
      expect(seen.log).not.toContain(secret);
    expect(seen.logAfterPageError).toContain('ERROR renderer Uncaught TypeError: x is undefined');

    expect(seen.page.status).toBe(404); // the temporary bundle has no renderer next to it
    expect(seen.page.csp).toContain("connect-src 'none'");
    expect(seen.escape).toBe(404);
    expect(seen.hookedCsp).toEqual([expect.stringContaining("default-src 'self'")]);
    expect(seen.permission).toEqual({ request: false, check: false });
    expect(seen.menu.some((item: { role?: string }) => item.role === 'editMenu')).toBe(true);
    expect(seen.menu.at(-1)).toMatchObject({
      label: 'ヘルプ',
      submenu: [{ id: 'open-logs', label: 'ログフォルダを開く' }],
    });
    expect(seen.quitPrevented).toBe(true);
    expect(seen.quit).toBe(true);
  }, 90_000);
});
