import { existsSync } from 'node:fs';
import { InputError } from '../../errors';
import { openDatabase } from '../../ledger/open-database';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'copy the ledger database to a file while it is in use (SQLite online backup)',
  usage: ['Usage: backoffice backup --to FILE [--db FILE]', '', 'FILE must not exist yet.', DB_OPTION_HELP].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const to = takeOption(args, 'to');
    if (!to || args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (existsSync(to)) throw InputError.one('--to', `${to} exists already; choose a new file`);
    const opened = await openDatabase(file);
    const { close } = opened;
    try {
      if (opened.engine !== 'sqlite') throw new Error('not yet');
      const { totalPages } = await opened.sqlite.backup(to);
      io.out(`${JSON.stringify({ from: file, to, pages: totalPages })}\n`);
      return EXIT_OK;
    } finally {
      await close();
    }
  },
};
