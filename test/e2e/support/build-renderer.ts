import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIST = join(REPO, 'dist', 'renderer');

/** What the renderer bundle is built from: its own sources and the Node-free core it imports. */
const SOURCES = ['renderer', 'core/money', 'core/time', 'core/rating', 'resources/catalog.json', 'core/api/schemas', 'core/api/service.ts', 'core/errors.ts', 'vite.config.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

export function rendererIsUpToDate(): boolean {
  const built = join(RENDERER_DIST, 'index.html');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.every((source) => newestMtime(join(REPO, source)) <= builtAt);
}

const LOCK = join(REPO, 'dist', '.renderer-build.lock');
const STALE_LOCK_MS = 120_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Several test runs share this working tree: one builds at a time, the others wait for it. */
function withBuildLock(work: () => void): void {
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      sleep(250);
    }
  }
  try {
    work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * `npx vite build`, only when a source is newer than the last build. It builds beside dist/renderer and then
 * swaps the folders, so a browser host serving the old build never sees a half-emptied folder.
 */
export function buildRendererIfStale(): void {
  if (rendererIsUpToDate()) return;
  withBuildLock(() => {
    if (rendererIsUpToDate()) return;
    const fresh = `${RENDERER_DIST}.build-${process.pid}`;
    const old = `${RENDERER_DIST}.old-${process.pid}`;
    try {
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', fresh], { cwd: REPO, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      throw error;
    }
    if (existsSync(RENDERER_DIST)) renameSync(RENDERER_DIST, old);
    renameSync(fresh, RENDERER_DIST);
    rmSync(old, { recursive: true, force: true });
  });
}
