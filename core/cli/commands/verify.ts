import { AS_OPTION_HELP } from '../call-operation';
import { DB_OPTION_HELP } from '../db-path';
import { EXIT_FAILED, EXIT_OK } from '../io';
import { operationCommand } from '../operation-command';

export const verifyCommand = operationCommand({
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
  operation: 'archive.verify',
  input: () => ({}),
  onOutput(v, io) {
    for (const d of v.differing) io.err(`${d.number}: stored sha256 ${d.stored}, its bytes hash to ${d.actual}\n`);
    for (const d of v.notArchived) io.err(`${d.number}: issued, no PDF in the archive\n`);
    io.err(
      `${v.checked} archived documents checked, ${v.differing.length} differ, ${v.notArchived.length} not archived` +
        ` (${v.awaitingFirstSend} month-close statements not sent yet)\n`,
    );
    return v.ok ? EXIT_OK : EXIT_FAILED;
  },
});
