import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors';
import { billToJson, defaultCatalog, rateUsage } from '../../rating';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

/** Reads and parses a JSON file; an unreadable or non-JSON file is bad input (exit 2), named by its path. */
export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw InputError.one(
      file,
      'file.unreadable',
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      { reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    );
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw InputError.one(file, 'file.not_json', `not JSON (${e instanceof Error ? e.message : String(e)})`, {
      detail: e instanceof Error ? e.message : String(e),
    });
  }
}

export const rateCommand: CliCommand = {
  name: 'rate',
  summary: 'rate a month of usage (JSON file) into bills, printed as JSON',
  usage: [
    'Usage: backoffice rate USAGE.json',
    '',
    'Prints the bills of the usage file as JSON (shared/contracts/rating.md). The default price catalog is',
    'used when the file has no "plans". Bad input: exit 2, nothing on stdout, one line per problem on stderr.',
  ].join('\n'),
  async run(args, io) {
    const files = args.filter((a) => !a.startsWith('-'));
    if (files.length !== 1 || files.length !== args.length) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    const usage = await readJsonFile(files[0]!);
    const bill = rateUsage(usage, defaultCatalog());
    io.out(billToJson(bill));
    return EXIT_OK;
  },
};
