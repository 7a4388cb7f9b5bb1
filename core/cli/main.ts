import { InputError } from '../errors';
import { commands } from './commands';
import { EXIT_BAD_INPUT, EXIT_FAILED, EXIT_OK, processIO, type CliIO } from './io';

export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return ['Usage: backoffice COMMAND [options]', '', 'Commands:', ...lines, '', 'backoffice COMMAND --help shows one command\'s usage.', ''].join('\n');
}

export async function main(args: string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name ? EXIT_OK : EXIT_BAD_INPUT;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command: ${name}\n\n${helpText()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(e.problems.map((p) => `${p.path}: ${p.message}\n`).join(''));
      return EXIT_BAD_INPUT;
    }
    io.err(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT_FAILED;
  }
}
