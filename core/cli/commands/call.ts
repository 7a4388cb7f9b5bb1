import { InputError } from '../../errors';
import { callNamedOperation } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, type CliCommand } from '../io';

export const callCommand: CliCommand = {
  name: 'call',
  summary: 'run one operation of the catalog with a JSON input and print its output as JSON',
  usage: [
    "Usage: backoffice call OPERATION ['JSON'] [--as LOGIN] [--db FILE]",
    '',
    'Runs OPERATION (see `backoffice operations`) with the JSON input (default {}) as the operator LOGIN.',
    'Callers on this machine are trusted to say who they are: no password; the audit log records the cli door.',
    'Exit 0 with the output on stdout; 2 for invalid input (one `path: message` line per problem on stderr,',
    'nothing written); 1 otherwise (`kind: message` on stderr).',
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const as = takeOption(args, 'as') ?? null;
    const [operation, json = '{}', ...extra] = args;
    if (!operation || extra.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch (e) {
      throw InputError.one('input', 'file.not_json', `not JSON: ${e instanceof Error ? e.message : String(e)}`, {
        detail: e instanceof Error ? e.message : String(e),
      });
    }
    return callNamedOperation(file, operation, input, as, io);
  },
};
