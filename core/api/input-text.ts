import { fieldProblem, type FieldProblem } from '../errors';
import { fieldPath } from './zod-problems';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * D-SEC-13: no string of any input holds a NUL (it cuts text short in C libraries, PDFs and bank files) or a
 * lone surrogate (half of a character: it cannot be written as UTF-8, and the database would store it mangled).
 * Checked by the catalog on every input before its schema, so names, memos, reasons and notes are covered
 * alike, each problem naming its field. Iterative: the input's depth is limited before (input-depth.ts).
 */
export function textProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, PropertyKey[]][] = [[input, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        problems.push(fieldProblem(fieldPath(path), 'text.nul', 'a NUL character is not allowed'));
      else if (LONE_SURROGATE.test(value))
        problems.push(
          fieldProblem(fieldPath(path), 'text.lone_surrogate', 'contains a lone surrogate, not a character'),
        );
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => stack.push([item, [...path, i]]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([item, [...path, key]]);
    }
  }
  return problems.reverse();
}
