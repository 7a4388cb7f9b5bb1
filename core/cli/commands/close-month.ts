import { InputError } from '../../errors';
import { AS_OPTION_HELP, reportFailure, takeOperator, withCliOffice } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

const DEFAULT_BATCH = 250;

export const closeMonthCommand: CliCommand = {
  name: 'close-month',
  summary: 'close a billing month: rate, offset prepaid, one final bill, statement and posting per account',
  usage: [
    'Usage: backoffice close-month YYYY-MM --as LOGIN [--batch N] [--db FILE]',
    '',
    `Runs billing.closeMonth as LOGIN (accounting) in steps of N accounts (default ${DEFAULT_BATCH}), each step`,
    'committed with its audit entry, and prints its progress on stderr. Killed half way, run it again: it',
    'finishes without billing anyone twice. On a closed month it changes nothing and says so.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const batch = takeOption(args, 'batch');
    const as = takeOperator(args);
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (batch !== undefined && !/^[1-9][0-9]{0,5}$/.test(batch))
      throw InputError.one('--batch', 'value.not_whole_number', 'a whole number of accounts');
    const month = args[0]!;
    const maxAccounts = batch === undefined ? DEFAULT_BATCH : Number(batch);
    return withCliOffice(file, async (office) => {
      // The first step starts the close and answers its size, so the progress starts at done / bills.
      let step = await office.call('billing.closeMonth', { month, maxAccounts: 0 }, as);
      if (!step.ok) return reportFailure(step, io);
      const { resumed } = step.output;
      let billedNow = 0;
      const phaseMs = { rating: 0, billing: 0 };
      for (;;) {
        const { output } = step;
        billedNow += output.billedNow;
        phaseMs.rating += output.phaseMs.rating;
        phaseMs.billing += output.phaseMs.billing;
        if (!output.alreadyClosed) io.err(`close-month ${output.month}: ${output.done}/${output.bills} bills\n`);
        if (output.finished) {
          io.out(`${JSON.stringify({ ...output, billedNow, resumed, phaseMs }, null, 2)}\n`);
          return EXIT_OK;
        }
        const next = await office.call('billing.closeMonth', { month, maxAccounts }, as);
        if (!next.ok) return reportFailure(next, io);
        step = next;
      }
    });
  },
};
