import type { ProblemArgs, ProblemCode, ProblemParams } from './problem-codes';

export type { ProblemCode, ProblemParams } from './problem-codes';

/**
 * One problem with one input field, named by its path (e.g. `accounts[0].resources[2].events[1].at`): a stable
 * `code` (core/problem-codes.ts) and the `params` a sentence needs, so each door words it in its own language
 * (the renderer in Japanese or English), and `message`, the English sentence (what the CLI prints).
 */
export interface FieldProblem {
  path: string;
  code: ProblemCode;
  params?: ProblemParams;
  message: string;
}

/** A field problem; `params` is required exactly when the code names some (core/problem-codes.ts). */
export function fieldProblem<C extends ProblemCode>(
  path: string,
  code: C,
  message: string,
  ...params: ProblemArgs<C>
): FieldProblem {
  return params[0] === undefined ? { path, code, message } : { path, code, params: params[0], message };
}

/** Bad input: every problem found, each naming its field. Nothing may be written when this is thrown. */
export class InputError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }

  static one<C extends ProblemCode>(path: string, code: C, message: string, ...params: ProblemArgs<C>): InputError {
    return new InputError([fieldProblem(path, code, message, ...params)]);
  }
}

/**
 * Collects every problem of an input before refusing it, so one run reports them all: the one way core names
 * bad input outside the catalog's zod schemas (rating a usage file, reading a document's data, a posting).
 */
export class Problems {
  readonly list: FieldProblem[] = [];

  add<C extends ProblemCode>(path: string, code: C, message: string, ...params: ProblemArgs<C>): void {
    this.list.push(fieldProblem(path, code, message, ...params));
  }

  /** Runs a parser that throws InputError (core/money, core/time); its problems are kept, the result is undefined. */
  catch<T>(parse: () => T): T | undefined {
    try {
      return parse();
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      this.list.push(...e.problems);
      return undefined;
    }
  }

  get count(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new InputError(this.list);
  }
}

/**
 * A refusal that is not about one field: the caller may not do this (`forbidden`, audited, nothing else
 * written) or their identity is not proven (`unauthenticated`, audited). Code and params as for a problem.
 */
export class Refused extends Error {
  /** throttled: too many failed sign-ins from the caller's address (D-SEC-19). */
  readonly kind: 'forbidden' | 'unauthenticated' | 'throttled';
  readonly code: ProblemCode;
  readonly params: ProblemParams | undefined;

  constructor(kind: Refused['kind'], problem: Omit<FieldProblem, 'path'>) {
    super(problem.message);
    this.name = 'Refused';
    this.kind = kind;
    this.code = problem.code;
    this.params = problem.params;
  }

  static of<C extends ProblemCode>(
    kind: Refused['kind'],
    code: C,
    message: string,
    ...params: ProblemArgs<C>
  ): Refused {
    return new Refused(kind, fieldProblem('', code, message, ...params));
  }
}
