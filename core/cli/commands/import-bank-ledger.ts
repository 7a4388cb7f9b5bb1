import path from 'node:path';
import { openBackoffice } from '../../api/open';
import { InputError } from '../../errors';
import { takeDbPath } from '../db-path';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK } from '../io';
import type { BankFileImporter } from './import-bank';

/**
 * `import-bank FILE` without --dry-run: the file goes through the catalog's bank.import as the operator named
 * by --as (audited as the cli door), in one transaction. Exit 0 with the report on stdout (the same file again
 * included: it says nothing was added); 2 for a refused file or input; 1 otherwise.
 */
export const importIntoLedger: BankFileImporter = async (file, _parsed, io, source) => {
  if (source.as === undefined) throw InputError.one('--as', 'name the accounting operator who imports the file (--as LOGIN)');
  const dbFile = takeDbPath(source.db === undefined ? [] : ['--db', source.db]);
  const office = await openBackoffice(dbFile, { channel: 'cli' });
  try {
    const input = { fileName: path.basename(file), contentBase64: Buffer.from(source.bytes).toString('base64'), ...(source.feeTolerance === undefined ? {} : { feeTolerance: source.feeTolerance }) };
    const result = await office.call('bank.import', input, source.as);
    if (result.ok) {
      const output = result.output as { message: string };
      io.err(`${output.message}\n`);
      io.out(`${JSON.stringify(result.output, null, 2)}\n`);
      return EXIT_OK;
    }
    if (result.kind === 'invalid') {
      io.err((result.problems ?? [{ path: 'input', message: result.message }]).map((p) => `${p.path}: ${p.message}\n`).join(''));
      return EXIT_BAD_INPUT;
    }
    io.err(`${result.kind}: ${result.message}\n`);
    return EXIT_FAILED;
  } finally {
    await office.close();
  }
};
