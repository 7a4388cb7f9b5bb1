import { availableParallelism } from 'node:os';
import { writeStatements } from '../../close';
import { InputError } from '../../errors';
import { openDatabase } from '../../ledger/open-database';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const statementsCommand: CliCommand = {
  name: 'statements',
  summary: "write a closed month's 請求書 PDFs, one per bill, and one combined PDF for printing",
  usage: [
    'Usage: backoffice statements YYYY-MM --out DIR [--workers N] [--db FILE]',
    '',
    'Writes DIR/BIL-YYYY-NNNNNN.pdf per bill and DIR/statements-YYYY-MM.pdf with them all, as stored at the close',
    '(over 1,000 bills: volumes statements-YYYY-MM-01.pdf… of 1,000). Renders on N threads (default: 2, or 1 core).',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const out = takeOption(args, 'out');
    const workers = takeOption(args, 'workers');
    if (workers !== undefined && !/^[1-9][0-9]?$/.test(workers))
      throw InputError.one('--workers', 'value.not_whole_number', 'a whole number of threads');
    if (args.length !== 1 || args[0]!.startsWith('-') || !out) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const { db, close } = await openDatabase(file);
    try {
      const written = await writeStatements(db, args[0]!, out, {
        workers: workers === undefined ? Math.min(2, availableParallelism()) : Number(workers),
        onProgress: (done, total) => {
          if (done % 100 === 0 || done === total) io.err(`statements: ${done}/${total}\n`);
        },
      });
      io.out(`${JSON.stringify(written, null, 2)}\n`);
      return EXIT_OK;
    } finally {
      await close();
    }
  },
};
