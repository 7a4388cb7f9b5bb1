import type { FieldProblem } from '../errors';

/**
 * D-SEC-8: an input nested deeper than this is refused before anything reads it (recursive code downstream, the
 * schema and the audit's canonical JSON among them, would run out of stack). The deepest real input, a usage
 * file, nests 6 levels.
 */
export const MAX_INPUT_DEPTH = 64;

/** The problem of an input nested too deep, named by `path` (`body` for an HTTP request). */
export function tooDeep(path: string): FieldProblem {
  return {
    path,
    code: 'input.too_deep',
    params: { depth: MAX_INPUT_DEPTH },
    message: `nested deeper than ${MAX_INPUT_DEPTH} levels`,
  };
}

/** Whether JSON text nests arrays and objects deeper than `max`, read without parsing (strings skipped). */
export function jsonTextTooDeep(text: string, max = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Whether a value (as a transport handed it over) nests deeper than `max`; iterative, so any depth is safe. */
export function valueTooDeep(value: unknown, max = MAX_INPUT_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(v as object)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * An input a transport could not read (JSON nested too deep): handed to the catalog in place of the input, so
 * the refusal is answered and audited where every other one is.
 */
export class UnreadableInput {
  constructor(readonly problem: FieldProblem) {}
}
