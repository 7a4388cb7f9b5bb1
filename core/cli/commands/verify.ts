import { AS_OPTION_HELP, callOperation, takeOperator } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliCommand } from '../io';

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'hash every archived document again and report any whose bytes differ from the hash kept with it',
  usage: [
    'Usage: backoffice verify --as LOGIN [--db FILE]',
    '',
    'Runs archive.verify as LOGIN (accounting, supervisor or admin): every issued PDF in the archive',
    '(電子帳簿保存法) is hashed again with SHA-256 and compared with the hash stored when it was issued.',
    'Exit 0 when every one matches and every issued document is archived; 1 when one differs or is missing',
    '(each named on stderr).',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const as = takeOperator(args);
    if (args.length > 0) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    return callOperation(file, 'archive.verify', {}, as, io, (v) => {
      for (const d of v.differing) io.err(`${d.number}: stored sha256 ${d.stored}, its bytes hash to ${d.actual}\n`);
      for (const d of v.notArchived) io.err(`${d.number}: issued, no PDF in the archive\n`);
      io.err(
        `${v.checked} archived documents checked, ${v.differing.length} differ, ${v.notArchived.length} not archived` +
          ` (${v.awaitingFirstSend} month-close statements not sent yet)\n`,
      );
      return v.ok ? EXIT_OK : EXIT_FAILED;
    });
  },
};
