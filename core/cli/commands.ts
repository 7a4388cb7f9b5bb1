import type { CliCommand } from './io';

/** Every `backoffice` command, in the order `--help` lists them. Each lives in its own file. */
export const commands: CliCommand[] = [];
