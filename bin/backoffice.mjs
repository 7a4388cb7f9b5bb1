#!/usr/bin/env node
// The `backoffice` command: registers tsx's loader and hands over to core/cli.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../core/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
