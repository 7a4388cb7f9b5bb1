import { InputError } from '../../errors';
import { restoreLedger } from '../../ledger/backup';
import { displayLocation } from '../../ledger/location';
import { openDatabase } from '../../ledger/open-database';
import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand, type CliIO } from '../io';

/**
 * D-API-3: a restore loads a whole ledger into an empty one (a new file or database), outside the catalog and
 * without --as: the empty ledger has no operator to name, and the loader refuses any ledger that holds a row
 * (core/ledger/copy.ts), so the restore door cannot overwrite or add to anyone's books. Like migrate-to, it is
 * the command line's only, for whoever keeps the machine.
 */
async function restore(location: string, file: string, io: CliIO): Promise<number> {
  if (file === location)
    throw InputError.one(
      '--restore',
      'backup.same_file',
      'the backup and the ledger to restore into are the same file',
    );
  const ledger = await openDatabase(location);
  try {
    const census = await restoreLedger(ledger.db, file);
    io.out(`${JSON.stringify({ restored: file, into: displayLocation(location), ...census }, null, 2)}\n`);
    return EXIT_OK;
  } finally {
    await ledger.close();
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'back the ledger up to a file while it is in use, or restore a backup into an empty ledger',
  usage: [
    'Usage: backoffice backup --to FILE --as LOGIN [--db FILE|URL]',
    '       backoffice backup --restore FILE --db FILE|URL',
    '',
    '--to FILE      runs ledger.backup as LOGIN (admin or accounting) into a new file. An SQLite ledger is copied',
    "               with SQLite's online backup (the copy is a ledger file). A PostgreSQL ledger is written as a",
    '               logical dump: every table read in one REPEATABLE READ snapshot, gzip of JSON lines (pg_dump is',
    '               not needed).',
    '--restore FILE a backup (a dump or an SQLite ledger file) into the ledger of --db, which must be empty (a new',
    '               file or database): one transaction, kept only if every row count and the trial balance match.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const location = takeDbPath(args);
    const to = takeOption(args, 'to');
    const from = takeOption(args, 'restore');
    if ((to === undefined) === (from === undefined)) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (from !== undefined) {
      if (args.length > 0) {
        io.err(`${this.usage}\n`);
        return EXIT_BAD_INPUT;
      }
      return restore(location, from, io);
    }
    const as = takeOperator(args);
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    return callOperation(location, 'ledger.backup', { to: to! }, as, io, undefined, { to: '--to' });
  },
};
