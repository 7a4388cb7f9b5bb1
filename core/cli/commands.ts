import type { CliCommand } from './io';
import { serveCommand } from './commands/serve';
import { rateCommand } from './commands/rate';
import { plansCommand } from './commands/plans';
import { importBankCommand } from './commands/import-bank';
import { operationsCommand } from './commands/operations';
import { callCommand } from './commands/call';
import { trialBalanceCommand } from './commands/trial-balance';
import { backupCommand } from './commands/backup';
import { demoCommand } from './commands/demo';
import { importUsageCommand } from './commands/import-usage';
import { closeMonthCommand } from './commands/close-month';
import { statementsCommand } from './commands/statements';
import { dailyCommand } from './commands/daily';

/** Every `backoffice` command, in the order `--help` lists them. Each lives in its own file. */
export const commands: CliCommand[] = [
  serveCommand,
  rateCommand,
  plansCommand,
  importBankCommand,
  operationsCommand,
  callCommand,
  trialBalanceCommand,
  backupCommand,
  demoCommand,
  importUsageCommand,
  closeMonthCommand,
  statementsCommand,
  dailyCommand,
];
