import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors';
import { AS_OPTION_HELP } from '../call-operation';
import { DB_OPTION_HELP } from '../db-path';
import { operationCommand } from '../operation-command';

async function fileContent(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw InputError.one(file, 'file.unreadable', `cannot read the file (${reason})`, { reason });
  }
}

export const importUsageCommand = operationCommand({
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
  operation: 'usage.import',
  argument: true,
  input: async (_options, file) => ({ content: await fileContent(file) }),
});
