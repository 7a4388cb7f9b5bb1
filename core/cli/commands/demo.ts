import { InputError } from '../../errors';
import { callOperation } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, type CliCommand } from '../io';

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]{1,9}$/.test(value)) throw InputError.one(flag, 'value.not_whole_number', 'not a whole number');
  return Number(value);
}

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'fill a ledger with a believable demo company (members, cloud accounts, usage, one operator per role)',
  usage: [
    'Usage: backoffice demo [--db FILE] [--seed N] [--members N] [--as LOGIN]',
    '',
    'Runs setup.loadDemo: a few hundred members (default 300), 1–3 cloud accounts each, usage files for the',
    'three months before this one, and the operators admin, sales, accounting and supervisor (password "demo").',
    'The same seed gives the same company. Only into an empty ledger: demo operators never sit beside real ones.',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const seed = wholeNumber(takeOption(args, 'seed'), '--seed');
    const members = wholeNumber(takeOption(args, 'members'), '--members');
    const as = takeOption(args, 'as') ?? null;
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    return callOperation(file, 'setup.loadDemo', { seed, members }, as, io, undefined, {
      seed: '--seed',
      members: '--members',
    });
  },
};
