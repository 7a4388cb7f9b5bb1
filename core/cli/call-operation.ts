import { openBackoffice } from '../api/open';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, type CliIO } from './io';

/**
 * Runs one catalog operation through the cli door and reports it the CLI's way: the output as JSON on stdout
 * (exit 0); invalid input as one `path: message` line per problem on stderr (exit 2, nothing written); any
 * other refusal or failure as `kind: message` (exit 1). `onOutput` may say something first on stderr.
 */
export async function callOperation(
  dbFile: string,
  operation: string,
  input: unknown,
  as: string | null,
  io: CliIO,
  onOutput?: (output: unknown) => void,
): Promise<number> {
  const office = await openBackoffice(dbFile, { channel: 'cli' });
  try {
    const result = await office.call(operation, input, as);
    if (result.ok) {
      onOutput?.(result.output);
      io.out(`${JSON.stringify(result.output, null, 2)}\n`);
      return EXIT_OK;
    }
    if (result.kind === 'invalid') {
      io.err(
        (result.problems ?? [{ path: 'input', message: result.message }])
          .map((p) => `${p.path}: ${p.message}\n`)
          .join(''),
      );
      return EXIT_BAD_INPUT;
    }
    io.err(`${result.kind}: ${result.message}\n`);
    return EXIT_FAILED;
  } finally {
    await office.close();
  }
}
