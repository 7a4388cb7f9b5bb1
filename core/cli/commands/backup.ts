import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, type CliCommand } from '../io';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the ledger database to a file while it is in use (SQLite online backup)',
  usage: [
    'Usage: backoffice backup --to FILE --as LOGIN [--db FILE]',
    '',
    'Runs ledger.backup as LOGIN (admin or accounting). FILE must not exist yet.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const to = takeOption(args, 'to');
    const as = takeOperator(args);
    if (!to || args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    return callOperation(file, 'ledger.backup', { to }, as, io, undefined, { to: '--to' });
  },
};
