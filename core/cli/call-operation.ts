import type { OperationInput, OperationName, OperationOutput } from '../api/catalog-types';
import { openBackoffice } from '../api/open';
import type { Backoffice, CallFailure } from '../api/service';
import { InputError } from '../errors';
import { takeOption } from './db-path';
import { EXIT_BAD_INPUT, EXIT_BUSY, EXIT_DISK_FULL, EXIT_FAILED, EXIT_OK, type CliIO } from './io';

/** The help line of every command that reads or writes the books. */
export const AS_OPTION_HELP = '--as LOGIN  the operator who does it (required): their roles are checked and audited';

/**
 * The operator a command runs as (`--as LOGIN`). Every command that reads or writes the books names one: it
 * goes through the catalog like a call from a screen, with its role check and audit entry.
 */
export function takeOperator(args: string[]): string {
  const as = takeOption(args, 'as');
  if (as === undefined) throw InputError.one('--as', 'cli.as_required', 'name the operator who does this (--as LOGIN)');
  return as;
}

/**
 * The back office over `dbFile` through the cli door, closed once `use` is done. Only setup and demo make a new
 * ledger file (`create`); any other command refuses a missing one, naming it (D-SEC-15).
 */
export async function withCliOffice<T>(
  dbFile: string,
  use: (office: Backoffice) => Promise<T>,
  create = false,
): Promise<T> {
  const office = await openBackoffice(dbFile, { channel: 'cli', create });
  try {
    return await use(office);
  } finally {
    await office.close();
  }
}

/**
 * A refusal the CLI's way: invalid input as one `path: message` line per problem on stderr (exit 2, nothing
 * written), any other as `kind: message` (exit 1). `flags` names an input field by the option that carried it
 * (`to` → `--to`).
 */
export function reportFailure(failure: CallFailure, io: CliIO, flags: Record<string, string> = {}): number {
  if (failure.kind === 'invalid') {
    io.err(
      (failure.problems ?? [{ path: 'input', message: failure.message }])
        .map((p) => `${flags[p.path] ?? p.path}: ${p.message}\n`)
        .join(''),
    );
    return EXIT_BAD_INPUT;
  }
  io.err(`${failure.kind}: ${failure.message}\n`);
  if (failure.kind === 'busy') return EXIT_BUSY;
  if (failure.kind === 'disk_full') return EXIT_DISK_FULL;
  return EXIT_FAILED;
}

async function callAndReport(
  dbFile: string,
  operation: string,
  input: unknown,
  as: string | null,
  io: CliIO,
  onOutput?: (output: unknown) => number | void,
  flags?: Record<string, string>,
): Promise<number> {
  return withCliOffice(
    dbFile,
    async (office) => {
      const result = await office.call(operation, input, as);
      if (!result.ok) return reportFailure(result, io, flags);
      const status = onOutput?.(result.output);
      io.out(`${JSON.stringify(result.output, null, 2)}\n`);
      return status ?? EXIT_OK;
    },
    operation.startsWith('setup.'),
  );
}

/**
 * Runs one catalog operation through the cli door and reports it the CLI's way: the output as JSON on stdout
 * (exit 0, or what `onOutput` answers); a refusal as reportFailure says. `onOutput` may say something first
 * on stderr.
 */
export function callOperation<K extends OperationName>(
  dbFile: string,
  operation: K,
  input: OperationInput<K>,
  as: string | null,
  io: CliIO,
  onOutput?: (output: OperationOutput<K>) => number | void,
  flags?: Record<string, string>,
): Promise<number> {
  return callAndReport(dbFile, operation, input, as, io, onOutput as (output: unknown) => number | void, flags);
}

/** `backoffice call`: an operation named on the command line, its input as the person typed it. */
export function callNamedOperation(
  dbFile: string,
  operation: string,
  input: unknown,
  as: string | null,
  io: CliIO,
): Promise<number> {
  return callAndReport(dbFile, operation, input, as, io);
}
