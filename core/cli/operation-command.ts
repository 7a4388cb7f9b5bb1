import type { OperationInput, OperationName, OperationOutput } from '../api/catalog-types';
import { callOperation, takeOperator } from './call-operation';
import { takeDbPath, takeOption } from './db-path';
import { EXIT_BAD_INPUT, type CliCommand, type CliIO } from './io';

/** What a command of the one-operation shape is made of (operationCommand). */
export interface OperationCommandSpec<K extends OperationName, O extends string> {
  name: string;
  summary: string;
  usage: string;
  /** The catalog operation the command runs. */
  operation: K;
  /** The `--NAME VALUE` options it takes besides `--db` and `--as`; an input field NAME is reported as `--NAME`. */
  options?: readonly O[];
  /** Whether the command takes one argument besides its options (a file, a month). */
  argument?: boolean;
  /** The operation's input, from the options given and the argument (when it takes one). */
  input(options: Partial<Record<O, string>>, argument: string): OperationInput<K> | Promise<OperationInput<K>>;
  /** The exit status the output means (default 0); it may say something on stderr first. */
  onOutput?(output: OperationOutput<K>, io: CliIO): number | void;
}

/**
 * A command that opens the ledger (`--db`) as the operator `--as` names, runs one catalog operation, prints its
 * output as JSON and exits as `onOutput` answers; anything else on the line than its options and its one
 * argument (where it takes one) is bad input (its usage, exit 2).
 */
export function operationCommand<K extends OperationName, O extends string = never>(
  spec: OperationCommandSpec<K, O>,
): CliCommand {
  const optionNames = spec.options ?? [];
  return {
    name: spec.name,
    summary: spec.summary,
    usage: spec.usage,
    async run(argv, io) {
      const args = [...argv];
      const file = takeDbPath(args);
      const as = takeOperator(args);
      const options: Partial<Record<O, string>> = {};
      for (const name of optionNames) {
        const value = takeOption(args, name);
        if (value !== undefined) options[name] = value;
      }
      const argument = spec.argument ? args.shift() : undefined;
      if (args.length > 0 || (spec.argument && (argument === undefined || argument.startsWith('-')))) {
        io.err(`${spec.usage}\n`);
        return EXIT_BAD_INPUT;
      }
      const onOutput = spec.onOutput;
      return callOperation(
        file,
        spec.operation,
        await spec.input(options, argument ?? ''),
        as,
        io,
        onOutput && ((output) => onOutput(output, io)),
        Object.fromEntries(optionNames.map((name) => [name, `--${name}`])),
      );
    },
  };
}
