import { loadOperator } from '../../parties';
import { closeMonth } from '../../close';
import { InputError } from '../../errors';
import { processClock } from '../../api/clock';
import { openDatabase } from '../../ledger/open-database';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand } from '../io';

export const closeMonthCommand: CliCommand = {
  name: 'close-month',
  summary: 'close a billing month: rate, offset prepaid, one final bill, statement and posting per account',
  usage: [
    'Usage: backoffice close-month YYYY-MM [--as LOGIN] [--batch N] [--db FILE]',
    '',
    'Commits every N accounts (default 250) and prints its progress on stderr. Killed half way, run it again:',
    'it finishes without billing anyone twice. On a closed month it changes nothing and says so.',
    '--as names the accounting operator in the audit log.',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const as = takeOption(args, 'as') ?? null;
    const batch = takeOption(args, 'batch');
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (batch !== undefined && !/^[1-9][0-9]{0,5}$/.test(batch))
      throw InputError.one('--batch', 'value.not_whole_number', 'a whole number of accounts');
    const { db, close } = await openDatabase(file);
    try {
      if (as !== null) {
        const operator = await loadOperator(db, as);
        if (!operator) throw InputError.one('--as', 'operator.not_found', `no active operator ${as}`, { login: as });
        if (!operator.roles.includes('accounting')) {
          io.err(`forbidden: billing.closeMonth needs the accounting role\n`);
          return EXIT_FAILED;
        }
      }
      const result = await closeMonth(db, {
        month: args[0]!,
        now: processClock()(),
        by: as,
        channel: 'cli',
        batchSize: batch === undefined ? undefined : Number(batch),
        onProgress: (p) => io.err(`close-month ${p.month}: ${p.done}/${p.total} bills\n`),
      });
      io.out(`${JSON.stringify(result, null, 2)}\n`);
      return EXIT_OK;
    } finally {
      await close();
    }
  },
};
