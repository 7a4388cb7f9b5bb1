// The renderer's build (dist/renderer), made when it is missing or older than its sources. One home for
// `npm start`, `backoffice serve` and the end-to-end tests' global setup. Several processes may share a
// working tree (a test run beside `serve`): one builds at a time under a lock folder, and the fresh build is
// swapped in whole, so a host serving the old one never sees a half-emptied folder.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { withBuildLock } from './build-lock.mjs';

/** What the bundle is built from: the renderer and the Node-free parts of core it imports. */
const SOURCES = ['renderer', 'core', 'resources/catalog.json', 'vite.config.ts', 'package-lock.json'];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const stat = statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(p).reduce((newest, name) => Math.max(newest, newestMtime(path.join(p, name))), stat.mtimeMs);
}

export function rendererDist(root) {
  return path.join(root, 'dist', 'renderer');
}

export function rendererIsUpToDate(root) {
  const built = path.join(rendererDist(root), 'index.html');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= builtAt);
}

/**
 * `vite build` into dist/renderer when it is missing or stale; returns true when it built. Throws when the
 * build fails (the previous build, if any, stays in place). `log` hears one line before a build starts.
 */
export function buildRendererIfStale(root, log = () => {}) {
  if (rendererIsUpToDate(root)) return false;
  let built = false;
  withBuildLock(path.join(root, 'dist', '.renderer-build.lock'), () => {
    if (rendererIsUpToDate(root)) return;
    log('building the renderer (vite build)…');
    const dist = rendererDist(root);
    const fresh = `${dist}.build-${process.pid}`;
    const old = `${dist}.old-${process.pid}`;
    try {
      // Production React whatever NODE_ENV the caller runs under (vitest sets "test").
      execFileSync(
        process.execPath,
        [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn', '--outDir', fresh],
        {
          cwd: root,
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, NODE_ENV: 'production' },
        },
      );
    } catch (error) {
      rmSync(fresh, { recursive: true, force: true });
      throw error;
    }
    if (existsSync(dist)) renameSync(dist, old);
    renameSync(fresh, dist);
    rmSync(old, { recursive: true, force: true });
    built = true;
  });
  return built;
}
