import { InputError } from '../errors';
import { DiskFullError, LedgerFault } from '../ledger/faults';
import { commands } from './commands';
import { EXIT_BAD_INPUT, EXIT_DISK_FULL, EXIT_FAILED, EXIT_OK, processIO, type CliIO } from './io';

/** The command list with each one's summary (loads every command: only for --help). */
export async function helpText(): Promise<string> {
  const loaded = await Promise.all(commands.map((c) => c.load()));
  const width = Math.max(...loaded.map((c) => c.name.length));
  const lines = loaded.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: backoffice COMMAND [options]',
    '',
    'Commands:',
    ...lines,
    '',
    "backoffice COMMAND --help shows one command's usage.",
    '',
  ].join('\n');
}

export async function main(args: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await helpText());
    return name ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.err(`unknown command: ${name}\n\n${await helpText()}`);
    return EXIT_BAD_INPUT;
  }
  try {
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${command.usage}\n`);
      return EXIT_OK;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.problems.map((p) => `${p.path}: ${p.message}\n`).join(''));
      return EXIT_BAD_INPUT;
    }
    // The ledger's own faults are said in a sentence naming the file, not as a stack (D-SEC-14, D-SEC-15).
    if (e instanceof LedgerFault) {
      io.err(`${e.message}\n`);
      return e instanceof DiskFullError ? EXIT_DISK_FULL : EXIT_FAILED;
    }
    io.err(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}
