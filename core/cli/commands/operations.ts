import { openBackoffice } from '../../api/open';
import { DB_OPTION_HELP, takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const operationsCommand: CliCommand = {
  name: 'operations',
  summary: 'print the operation catalog as JSON: name, roles and input JSON Schema of each',
  usage: ['Usage: backoffice operations [--db FILE]', '', DB_OPTION_HELP].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const office = await openBackoffice(file, { channel: 'cli' });
    try {
      io.out(`${JSON.stringify(office.operations(), null, 2)}\n`);
      return EXIT_OK;
    } finally {
      await office.close();
    }
  },
};
