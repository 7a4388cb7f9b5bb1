import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand } from '../io';

export const trialBalanceCommand: CliCommand = {
  name: 'trial-balance',
  summary: "print every ledger account's debit, credit and balance, and whether the ledger balances",
  usage: [
    'Usage: backoffice trial-balance --as LOGIN [--db FILE]',
    '',
    'Runs ledger.trialBalance as LOGIN (accounting or supervisor).',
    'Exit 0 when debits equal credits, 1 when they do not.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const as = takeOperator(args);
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    return callOperation(file, 'ledger.trialBalance', {}, as, io, (tb) => (tb.balanced ? EXIT_OK : EXIT_FAILED));
  },
};
