import type { z } from 'zod';
import { fieldProblem, type FieldProblem } from '../errors';
import { isProblemCode } from '../problem-codes';

/** `lines[1].amount` from zod's ['lines', 1, 'amount']; the whole input is `input`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? 'input' : out;
}

const text = (value: unknown) => String(value);

/**
 * One zod issue as a field problem with a code: zod's own issue codes map to `schema.*` (with the bound or the
 * allowed values as params); a custom refinement names its code in its params (`params: { code: 'date.invalid' }`).
 * Node-free: the renderer validates forms with the same function as the catalog.
 */
function issueProblem(issue: z.core.$ZodIssue, path: string): FieldProblem {
  switch (issue.code) {
    case 'invalid_type':
      return fieldProblem(path, 'schema.invalid_type', issue.message, { expected: text(issue.expected) });
    case 'too_small':
      return fieldProblem(path, 'schema.too_small', issue.message, { minimum: text(issue.minimum) });
    case 'too_big':
      return fieldProblem(path, 'schema.too_big', issue.message, { maximum: text(issue.maximum) });
    case 'invalid_format':
      return fieldProblem(path, 'schema.invalid_format', issue.message, { format: issue.format });
    case 'invalid_value':
      return fieldProblem(path, 'schema.invalid_value', issue.message, { values: issue.values.map(text).join(', ') });
    case 'custom': {
      const { code, ...params } = (issue.params ?? {}) as Record<string, string | number>;
      if (isProblemCode(code))
        return { path, code, ...(Object.keys(params).length ? { params } : {}), message: issue.message };
      return fieldProblem(path, 'schema.invalid', issue.message);
    }
    default:
      return fieldProblem(path, 'schema.invalid', issue.message);
  }
}

/** zod issues as field problems; an unknown key is reported at its own path. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) =>
        fieldProblem(fieldPath([...issue.path, key]), 'schema.unknown_field', 'unknown field'),
      );
    }
    return [issueProblem(issue, fieldPath(issue.path))];
  });
}
