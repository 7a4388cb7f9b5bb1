import { InputError } from '../../errors';
import { backupLedger, restoreLedger } from '../../ledger/backup';
import { displayLocation } from '../../ledger/location';
import { openDatabase } from '../../ledger/open-database';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'back the ledger up to a file while it is in use, or restore a backup into an empty ledger',
  usage: [
    'Usage: backoffice backup --to FILE [--db FILE|URL]',
    '       backoffice backup --restore FILE --db FILE|URL',
    '',
    "--to FILE      a new file. An SQLite ledger is copied with SQLite's online backup (the copy is a ledger file).",
    '               A PostgreSQL ledger is written as a logical dump: every table read in one REPEATABLE READ',
    '               snapshot, gzip of JSON lines (pg_dump is not needed).',
    '--restore FILE a backup (a dump or an SQLite ledger file) into the ledger of --db, which must be empty (a new',
    '               file or database): one transaction, kept only if every row count and the trial balance match.',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const location = takeDbPath(args);
    const to = takeOption(args, 'to');
    const restore = takeOption(args, 'restore');
    if ((to === undefined) === (restore === undefined) || args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (restore !== undefined && restore === location)
      throw InputError.one('--restore', 'the backup and the ledger to restore into are the same file');
    const ledger = await openDatabase(location);
    try {
      if (to !== undefined) {
        io.out(`${JSON.stringify(await backupLedger(ledger, to))}\n`);
        return EXIT_OK;
      }
      const census = await restoreLedger(ledger.db, restore!);
      io.out(`${JSON.stringify({ restored: restore, into: displayLocation(location), ...census }, null, 2)}\n`);
      return EXIT_OK;
    } finally {
      await ledger.close();
    }
  },
};
