import type { z } from 'zod';
import type { apps } from './apps';

/**
 * The catalog's types, gathered from every app (cf. Actual's loot-core `types/handlers.ts`): each operation's
 * name, the input its caller sends (the zod schema's input type) and the output it answers. Type-only: the
 * renderer imports it without pulling in a line of the catalog's Node code.
 */

type OperationsOf<App> = App extends { operations: readonly (infer Op)[] } ? Op : never;
type CatalogOperation = OperationsOf<(typeof apps)[number]>;

/** Every operation of the catalog by its name. */
export type Operations = { [Op in CatalogOperation as Op extends { name: infer N extends string } ? N : never]: Op };

export type OperationName = keyof Operations;

/** What a caller sends: the input type of the operation's zod schema (before defaults are applied). */
export type OperationInput<K extends OperationName> = z.input<Operations[K]['input']>;

type HandlerOutput<K extends OperationName> = Awaited<ReturnType<Operations[K]['handler']>>;

/**
 * What a caller receives: the handler's output, which crosses HTTP and IPC as JSON (the catalog answers null
 * for a handler that returns nothing). The check below keeps every output JSON as it stands (no Date, bigint,
 * Dec or bytes: money as decimal strings, instants as ISO strings), so this type is exactly what arrives.
 */
export type OperationOutput<K extends OperationName> = [HandlerOutput<K>] extends [undefined | void]
  ? null
  : HandlerOutput<K>;

/** Values JSON.stringify would change or drop: they never appear in an output. */
type NotJson =
  | Date
  | bigint
  | symbol
  | ((...args: never[]) => unknown)
  | Map<unknown, unknown>
  | Set<unknown>
  | ArrayBuffer
  | ArrayBufferView
  | { toJSON(): unknown };

/** true when T survives JSON.stringify → JSON.parse unchanged (false, or boolean for a mixed union, otherwise). */
export type JsonSafe<T> = T extends string | number | boolean | null | undefined
  ? true
  : T extends NotJson
    ? false
    : T extends readonly (infer E)[]
      ? JsonSafe<E>
      : T extends object
        ? false extends { [P in keyof T]-?: JsonSafe<T[P]> }[keyof T]
          ? false
          : true
        : false;

type NotJsonOutputs = { [K in OperationName]: false extends JsonSafe<HandlerOutput<K>> ? K : never }[OperationName];

type MustBeNever<T extends never> = T;
/** A compile error names any operation whose output is not plain JSON. */
export type CheckOutputsAreJson = MustBeNever<NotJsonOutputs>;
/** A compile error when an app lost its operations' names (declare it `as const satisfies OperationApp`). */
export type CheckNamesAreKnown = MustBeNever<string extends OperationName ? 'an app without literal names' : never>;
