// Where the `backoffice` command's compiled bundle is (dist/cli) and whether it is current: what
// bin/backoffice.mjs checks at every run, so it imports nothing else (cli-build.mjs builds the bundle).
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function cliPaths(root) {
  const dir = path.join(root, 'dist', 'cli');
  return {
    dir,
    main: path.join(dir, 'backoffice.cjs'),
    worker: path.join(dir, 'render-worker.cjs'),
    matchWorker: path.join(dir, 'match-worker.cjs'),
    help: path.join(dir, 'help.txt'),
    /** Written last: the files the build read, each with the modification time and size it had. */
    inputs: path.join(dir, 'inputs.json'),
  };
}

/** A file's modification time and size, to tell whether it changed ('missing' when it is gone). */
export function fingerprint(file) {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
}

/**
 * True when dist/cli was built from the files as they are now: each input still has the modification time
 * and size it had then (compared for equality, so a shifted clock, as under faketime, changes nothing).
 */
export function cliIsUpToDate(root) {
  const paths = cliPaths(root);
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(paths.inputs, 'utf8'));
  } catch {
    return false;
  }
  if (![paths.main, paths.worker, paths.matchWorker, paths.help].every((f) => existsSync(f))) return false;
  return Object.entries(recorded).every(([file, print]) => fingerprint(path.join(root, file)) === print);
}
