import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliIsUpToDate, cliPaths } from '../../scripts/cli-bundle.mjs';
import { runChild } from './child';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The `backoffice` command's compiled files (dist/cli), built first if stale, as the command runs them: a bench
 * starts its worker threads from there, so they do not spend their first seconds having tsx transpile the
 * sources, as no user's would.
 */
export function compiledCli(): ReturnType<typeof cliPaths> {
  if (!cliIsUpToDate(ROOT))
    runChild(process.execPath, [path.join(ROOT, 'bin/backoffice.mjs'), '--help'], { cwd: ROOT });
  if (!cliIsUpToDate(ROOT)) throw new Error('dist/cli could not be built (node scripts/cli-build.mjs says why)');
  return cliPaths(ROOT);
}
