import type { z } from 'zod';
import type { FieldProblem } from '../errors';

/** `lines[1].amount` from zod's ['lines', 1, 'amount']; the whole input is `input`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'input' : out;
}

/** zod issues as field problems; an unknown key is reported at its own path. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: fieldPath([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ path: fieldPath(issue.path), message: issue.message }];
  });
}
