import type { CliCommand } from './io';
import { serveCommand } from './commands/serve';
import { rateCommand } from './commands/rate';
import { plansCommand } from './commands/plans';
import { importBankCommand } from './commands/import-bank';

/** Every `backoffice` command, in the order `--help` lists them. Each lives in its own file. */
export const commands: CliCommand[] = [
  serveCommand,
  rateCommand,
  plansCommand,
  importBankCommand,
];
