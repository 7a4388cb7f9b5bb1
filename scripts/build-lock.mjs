// One build at a time in a working tree: several processes may find the same output stale at once (a test
// run starting many `backoffice` children, `serve` beside the tests). The first takes a lock folder and
// builds; the others wait for it, then find the output current.
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A lock older than this was left by a build that died: it is broken. */
const STALE_LOCK_MS = 120_000;

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Runs `work` while holding the lock folder `lock` (created, then removed), waiting for it when taken. When
 * `work` returns a promise, the lock is held until it settles.
 */
export function withBuildLock(lock, work) {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
        rmSync(lock, { recursive: true, force: true });
      sleep(100);
    }
  }
  const release = () => rmSync(lock, { recursive: true, force: true });
  let result;
  try {
    result = work();
  } catch (error) {
    release();
    throw error;
  }
  if (result instanceof Promise) return result.finally(release);
  release();
  return result;
}
