/** One problem with one input field, named by its path (e.g. `accounts[0].resources[2].events[1].at`). */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Bad input: every problem found, each naming its field. Nothing may be written when this is thrown. */
export class InputError extends Error {
  readonly problems: FieldProblem[];

  constructor(problems: FieldProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }

  static one(path: string, message: string): InputError {
    return new InputError([{ path, message }]);
  }
}
