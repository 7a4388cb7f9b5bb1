import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors';
import { parseBankFile, type ParsedBankFile } from '../../banking';
import { takeOption } from '../db-path';
import { importIntoLedger, type BankFileImporter } from './import-bank-ledger';
import { EXIT_BAD_INPUT, EXIT_OK, type CliCommand } from '../io';

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw InputError.one(
      file,
      'file.unreadable',
      `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`,
      { reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    );
  }
}

/** The deposits as `--dry-run` prints them: every field, money as decimal strings. */
export function depositsToJson(parsed: ParsedBankFile): string {
  return `${JSON.stringify(parsed.deposits, null, 2)}\n`;
}

export function makeImportBankCommand(importer: BankFileImporter): CliCommand {
  return {
    name: 'import-bank',
    summary: 'read a bank file (Zengin 01/03, SBI, Rakuten or ANSER CSV) of deposits; --dry-run prints them',
    usage: [
      'Usage: backoffice import-bank FILE [--dry-run] [--as LOGIN] [--fee-tolerance YEN] [--db FILE]',
      '',
      'Reads a bank file, its format told from its bytes: Zengin 振込入金通知 (01) or 入出金取引明細 (03), or a',
      'CSV statement of 住信SBIネット銀行, 楽天銀行 or an ANSER regional bank (UTF-8 or Shift_JIS).',
      '--dry-run prints the deposits read as JSON and writes nothing.',
      'Without it the file is imported into the ledger as the accounting operator LOGIN (bank.import): each new',
      'deposit matched to an open statement or bill and settled, the rest queued for review; the report is',
      'printed as JSON. The same file or record again adds nothing. --fee-tolerance: the largest shortfall',
      'taken as the transfer fee (default 880).',
      'Bad input: exit 2, one line per problem on stderr naming the record and field; nothing is written.',
    ].join('\n'),
    async run(argv, io) {
      const args = [...argv];
      const options = {
        db: takeOption(args, 'db'),
        as: takeOption(args, 'as'),
        feeTolerance: takeOption(args, 'fee-tolerance'),
      };
      const dryRun = args.includes('--dry-run');
      const files = args.filter((a) => a !== '--dry-run');
      if (files.length !== 1 || files[0]!.startsWith('-')) {
        io.err(`${this.usage}\n`);
        return EXIT_BAD_INPUT;
      }
      const file = files[0]!;
      const bytes = await readBytes(file);
      const parsed = parseBankFile(bytes);
      if (!dryRun) return importer(file, parsed, io, { bytes, ...options });
      io.out(depositsToJson(parsed));
      return EXIT_OK;
    },
  };
}

export const importBankCommand = makeImportBankCommand(importIntoLedger);
