import { writeFile } from 'node:fs/promises';
import { InputError } from '../../errors';
import { AS_OPTION_HELP, reportFailure, takeOperator, withCliOffice } from '../call-operation';
import { DB_OPTION_HELP, takeDbPath, takeOption } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

export const exportJournalCommand: CliCommand = {
  name: 'export-journal',
  summary: "write the journal of a date range as 弥生会計, freee or マネーフォワード クラウド会計's import file",
  usage: [
    'Usage: backoffice export-journal --format yayoi|freee|moneyforward --from YYYY-MM-DD --to YYYY-MM-DD',
    '                                --out FILE --as LOGIN [--db FILE]',
    '',
    'Runs journal.export as LOGIN (accounting): every ledger entry posted on those JST dates (both included)',
    "as the package's journal import CSV (弥生: 仕訳日記帳, Shift_JIS; freee: 仕訳, UTF-8; マネーフォワード:",
    '仕訳帳, UTF-8), our accounts named by the mapping the administrator set (journal.saveMapping). Prints',
    'what it wrote as JSON.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  async run(argv, io) {
    const args = [...argv];
    const file = takeDbPath(args);
    const as = takeOperator(args);
    const target = takeOption(args, 'format');
    const from = takeOption(args, 'from');
    const to = takeOption(args, 'to');
    const out = takeOption(args, 'out');
    if (args.length > 0 || !target || !from || !to) {
      io.err(`${this.usage}\n`);
      return EXIT_BAD_INPUT;
    }
    if (!out) throw InputError.one('--out', 'value.required', 'name the file to write (--out FILE)');
    return withCliOffice(file, async (office) => {
      const result = await office.call('journal.export', { target, from, to }, as);
      if (!result.ok) return reportFailure(result, io, { target: '--format', from: '--from', to: '--to' });
      const { file: written, ...summary } = result.output as { file: { base64: string } };
      await writeFile(out, Buffer.from(written.base64, 'base64'));
      io.out(`${JSON.stringify({ ...summary, writtenTo: out }, null, 2)}\n`);
      return EXIT_OK;
    });
  },
};
