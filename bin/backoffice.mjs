#!/usr/bin/env node
// The `backoffice` command: registers tsx's loader and hands over to core/cli.
import { register } from 'tsx/esm/api';

// Output piped into `head` and the like: a closed pipe ends the command quietly.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
register();
const { main } = await import('../core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
