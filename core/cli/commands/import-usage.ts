import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors';
import { DB_OPTION_HELP, takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, type CliCommand } from '../io';
import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';

export const importUsageCommand: CliCommand = {
  name: 'import-usage',
  summary: 'store a month of usage (JSON file) for its month close; the same file twice is "already imported"',
  usage: [
    'Usage: backoffice import-usage FILE --as LOGIN [--db FILE]',
    '',
    'Runs usage.import as the accounting operator LOGIN: the file is rated to check it, then stored for its',
    'month. Refused (exit 2, nothing written): a file that does not rate, usage of unknown cloud accounts (each',
    'named), an account already in another file of the month, a month whose close has started.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const db = takeDbPath(args);
    const as = takeOperator(args);
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    let content: string;
    try {
      content = await readFile(args[0]!, 'utf8');
    } catch (e) {
      throw InputError.one(
        args[0]!,
        'file.unreadable',
        `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
        { reason: (e as NodeJS.ErrnoException).code ?? String(e) },
      );
    }
    return callOperation(db, 'usage.import', { content }, as, io);
  },
};
