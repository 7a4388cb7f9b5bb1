#!/usr/bin/env node
// The `backoffice` command: runs the compiled bundle of core/cli (dist/cli, scripts/cli-build.mjs), rebuilt
// first when a file it was made from has changed. Nothing is transpiled at run time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cliIsUpToDate, cliPaths } from '../scripts/cli-bundle.mjs';

// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const root = fileURLToPath(new URL('..', import.meta.url));
const paths = cliPaths(root);
try {
  if (!cliIsUpToDate(root)) await (await import('../scripts/cli-build.mjs')).buildCliIfStale(root);
} catch (e) {
  // No esbuild (an install without devDependencies) or a failed build: the previous bundle, if there is one.
  if (!existsSync(paths.main)) {
    process.stderr.write(`backoffice: the command could not be built (run npm ci): ${e?.message ?? e}\n`);
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const [name] = args;
if (!name || name === '--help' || name === '-h' || name === 'help') {
  // core/cli/main.ts's answer to these, made at build time: listing the commands loads every one of them.
  process.stdout.write(readFileSync(paths.help, 'utf8'));
  process.exitCode = name ? 0 : 2;
} else {
  const { main } = createRequire(import.meta.url)(paths.main);
  process.exitCode = await main(args);
}
