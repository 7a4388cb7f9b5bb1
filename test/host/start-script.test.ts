import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'start-script-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const URL_LINE = /^http:\/\/127\.0\.0\.1:(\d+)\/\?token=[A-Za-z0-9_-]{43}$/m;
const electronInstalled = existsSync(path.join(repo, 'node_modules', 'electron', 'path.txt'));

/** Runs `node scripts/start.mjs`, waits for the first-run hint (which follows the URL), then stops it. */
async function startUntilServing(env: NodeJS.ProcessEnv, dbName: string, extraArgs: string[] = []) {
  const { DISPLAY: _d, WAYLAND_DISPLAY: _w, ...base } = process.env;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--no-open', ...extraArgs], {
    cwd: repo,
    env: { ...base, BACKOFFICE_DB: path.join(work, dbName), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a failed test can stop start.mjs and its serve child together
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const served = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (URL_LINE.test(out) && out.includes('Open this URL in a browser')) resolve();
    });
    void exited.then((code) => reject(new Error(`start.mjs exited (${code}) before serving:\n${out}`)));
  });
  try {
    await served;
    const port = URL_LINE.exec(out)![1];
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect([200, 404]).toContain(page.status);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // The browser host went with it.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    return out;
  } finally {
    if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
  }
}

describe('npm start (scripts/start.mjs) where Electron cannot run', () => {
  it('without a display, falls back to the browser host, prints its URL and the first-run hint, and stops on SIGTERM', async () => {
    const chosen = path.join(work, 'chosen-by-flag.sqlite');
    const out = await startUntilServing({}, 'no-display.sqlite', [`--db=${chosen}`]);
    expect(existsSync(chosen)).toBe(true);
    expect(existsSync(path.join(work, 'no-display.sqlite'))).toBe(false);
    expect(out).toMatch(/No graphical display.*running the back office in a browser instead/);
    expect(out).toMatch(URL_LINE);
    expect(out).toContain('no operators yet: the first screen offers demo data');
  }, 120_000);

  it.skipIf(electronInstalled)(
    'with a display but no Electron binary and no way to download it, falls back within a bounded time',
    async () => {
      const out = await startUntilServing(
        // An unreachable mirror and an empty cache: the download fails at once, whatever the network.
        {
          DISPLAY: ':99',
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: path.join(work, 'electron-cache'),
        },
        'no-electron.sqlite',
      );
      expect(out).toContain('Electron could not be downloaded');
      expect(out).toMatch(URL_LINE);
    },
    120_000,
  );

  it.skipIf(process.platform === 'win32')(
    'falls back to the browser host when an installed Electron stops at once (e.g. no usable display)',
    async () => {
      const fakeDist = path.join(work, 'fake-electron');
      mkdirSync(fakeDist, { recursive: true });
      const fake = path.join(fakeDist, 'electron');
      writeFileSync(fake, '#!/bin/sh\necho "fake electron: cannot open display" >&2\nexit 1\n');
      chmodSync(fake, 0o755);
      const out = await startUntilServing(
        { DISPLAY: ':99', ELECTRON_OVERRIDE_DIST_PATH: fakeDist },
        'electron-stops.sqlite',
      );
      expect(out).toContain('starting the desktop app (Electron)');
      expect(out).toContain('Electron stopped at once (exit 1): running the back office in a browser instead');
      expect(out.split('no operators yet').length - 1).toBe(1);
      expect(out).toMatch(URL_LINE);
    },
    120_000,
  );
});
