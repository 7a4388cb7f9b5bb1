import { defaultCatalog } from '../../rating';
import { BillSpool } from '../../rating-stream/bill-spool';
import { rateUsageFile } from '../../rating-stream/rate-usage-file';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const rateCommand: CliCommand = {
  name: 'rate',
  summary: 'rate a month of usage (JSON file) into bills, printed as JSON',
  usage: [
    'Usage: backoffice rate USAGE.json',
    '',
    'Prints the bills of the usage file as JSON (shared/contracts/rating.md). The default price catalog is',
    'used when the file has no "plans". Bad input: exit 2, nothing on stdout, one line per problem on stderr.',
    'The file is read one account at a time: its size is not bounded by memory.',
  ].join('\n'),
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length !== 1 || files.length !== args.length) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const spool = new BillSpool();
    try {
      const head = rateUsageFile(files[0]!, defaultCatalog(), spool);
      await spool.copyTo(head, io);
    } finally {
      spool.close();
    }
    return EXIT_OK;
  },
};
