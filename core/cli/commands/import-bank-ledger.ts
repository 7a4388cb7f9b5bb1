import path from 'node:path';
import { InputError } from '../../errors';
import { callOperation } from '../call-operation';
import { takeDbPath } from '../db-path';
import type { ParsedBankFile } from '../../banking';
import type { CliIO } from '../io';

/** Stores a parsed bank file's deposits and matches them (through the operation catalog). Returns the exit status. */
export type BankFileImporter = (
  file: string,
  parsed: ParsedBankFile,
  io: CliIO,
  source: ImportSource,
) => Promise<number>;

/** The file's bytes and the options the ledger import takes (--db, --as, --fee-tolerance). */
export interface ImportSource {
  bytes: Uint8Array;
  db: string | undefined;
  as: string | undefined;
  feeTolerance: string | undefined;
}

/**
 * `import-bank FILE` without --dry-run: the file goes through the catalog's bank.import as the operator named
 * by --as (audited as the cli door), in one transaction. Exit 0 with the report on stdout (the same file again
 * included: it says nothing was added); 2 for a refused file or input; 1 otherwise.
 */
export const importIntoLedger: BankFileImporter = async (file, _parsed, io, source) => {
  if (source.as === undefined)
    throw InputError.one('--as', 'cli.as_required', 'name the accounting operator who imports the file (--as LOGIN)');
  const dbFile = takeDbPath(source.db === undefined ? [] : ['--db', source.db]);
  const input = {
    fileName: path.basename(file),
    contentBase64: Buffer.from(source.bytes).toString('base64'),
    ...(source.feeTolerance === undefined ? {} : { feeTolerance: source.feeTolerance }),
  };
  return callOperation(dbFile, 'bank.import', input, source.as, io, (output) =>
    io.err(`${(output as { message: string }).message}\n`),
  );
};
