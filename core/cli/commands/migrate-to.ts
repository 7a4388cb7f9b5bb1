import { existsSync } from 'node:fs';
import { InputError } from '../../errors';
import { copyLedger } from '../../ledger/copy';
import { displayLocation, isPostgresLocation } from '../../ledger/location';
import { openDatabase } from '../../ledger/open-database';
import { takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const migrateToCommand: CliCommand = {
  name: 'migrate-to',
  summary: "move a company's SQLite ledger into an empty PostgreSQL database (the team server's)",
  usage: [
    'Usage: backoffice migrate-to postgres://USER@HOST:PORT/DB --from FILE.db',
    '',
    'Copies every table of the SQLite ledger FILE.db into the PostgreSQL database, which must be empty (create it',
    'first: createdb …); its schema is made by the same migrations. The copy is one transaction, kept only if every',
    "table's row count and the trial balance are the same on both sides; a database that already holds a ledger",
    'is refused and nothing is written. Stop the app on FILE.db first: what is written there during the copy waits.',
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const from = takeOption(args, 'from');
    if (args.length !== 1 || !from || args[0]!.startsWith('-')) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const target = args[0]!;
    if (!isPostgresLocation(target))
      throw InputError.one(
        'target',
        'cli.not_postgres_url',
        `${target} is not a postgres:// URL (postgres://USER@HOST:PORT/DB)`,
        { location: target },
      );
    if (isPostgresLocation(from) || !existsSync(from))
      throw InputError.one('--from', 'cli.not_sqlite_file', `${from} is not an SQLite ledger file on this machine`, {
        file: from,
      });
    const source = await openDatabase(from, { create: false });
    try {
      const destination = await openDatabase(target);
      try {
        const census = await copyLedger(source.db, destination.db);
        const rows = Object.values(census.counts).reduce((a, b) => a + b, 0);
        io.out(
          `${JSON.stringify({ from, to: displayLocation(target), tables: Object.keys(census.counts).length, rows, ...census }, null, 2)}\n`,
        );
        return EXIT_OK;
      } finally {
        await destination.close();
      }
    } finally {
      await source.close();
    }
  },
};
