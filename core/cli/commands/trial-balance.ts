import { openDatabase } from '../../ledger/open-database';
import { trialBalance } from '../../ledger/reports';
import { DB_OPTION_HELP, takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand } from '../io';

export const trialBalanceCommand: CliCommand = {
  name: 'trial-balance',
  summary: "print every ledger account's debit, credit and balance, and whether the ledger balances",
  usage: [
    'Usage: backoffice trial-balance [--db FILE]',
    '',
    'Exit 0 when debits equal credits, 1 when they do not.',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const { db, close } = await openDatabase(file);
    try {
      const tb = await trialBalance(db);
      io.out(`${JSON.stringify(tb, null, 2)}\n`);
      return tb.balanced ? EXIT_OK : EXIT_FAILED;
    } finally {
      await close();
    }
  },
};
