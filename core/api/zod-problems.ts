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

function issuesProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[]): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldProblem(fieldPath([...path, key]), 'schema.unknown_field', 'unknown field'));
    }
    // An input that fits none of a union's shapes: the problems of the shape it came closest to, each naming
    // its field (deposits.confirm: a typed deposit or an imported one), rather than one problem naming `input`.
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const closest = issue.errors.reduce((best, branch) => (branch.length < best.length ? branch : best));
      if (closest.length > 0) return issuesProblems(closest, path);
    }
    return [issueProblem(issue, fieldPath(path))];
  });
}

/** zod issues as field problems; an unknown key is reported at its own path. */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return issuesProblems(error.issues, []);
}
