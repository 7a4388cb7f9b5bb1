import { InputError } from '../../errors';
import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, type CliCommand } from '../io';

export const statementsCommand: CliCommand = {
  name: 'statements',
  summary: "write a closed month's 請求書 PDFs, one per bill, and one combined PDF for printing",
  usage: [
    'Usage: backoffice statements YYYY-MM --out DIR --as LOGIN [--workers N] [--db FILE]',
    '',
    'Runs billing.writeStatements as LOGIN (accounting or supervisor): writes DIR/BIL-YYYY-NNNNNN.pdf per bill',
    'and DIR/statements-YYYY-MM.pdf with them all, as stored at the close (over 1,000 bills: volumes',
    'statements-YYYY-MM-01.pdf… of 1,000). Renders on N threads (default: 2, or 1 core).',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const out = takeOption(args, 'out');
    const workers = takeOption(args, 'workers');
    const as = takeOperator(args);
    if (workers !== undefined && !/^[1-9][0-9]?$/.test(workers))
      throw InputError.one('--workers', 'value.not_whole_number', 'a whole number of threads');
    if (args.length !== 1 || args[0]!.startsWith('-') || !out) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const input = { month: args[0]!, outDir: out, ...(workers === undefined ? {} : { workers: Number(workers) }) };
    return callOperation(file, 'billing.writeStatements', input, as, io, undefined, {
      outDir: '--out',
      workers: '--workers',
    });
  },
};
