import type { CallFailure } from '../../core/api/service';
import type { FieldProblem } from '../../core/errors';
import { isProblemCode, type ProblemCode } from '../../core/problem-codes';
import { en } from './en';
import { fill, type Language } from './i18n';
import { ja, type MessageKey } from './ja';
import { PROBLEM_WORDS } from './problem-words';

/**
 * Codes whose English sentence core writes for the very case (a schema's message written for its field, an
 * unexpected failure's own text): an English screen shows that sentence; a Japanese one words the code.
 */
function sentenceIsBetterInEnglish(code: ProblemCode): boolean {
  return code.startsWith('schema.') || code === 'operation.failed' || code === 'transport.unreachable';
}

/** A catalog name among a problem's params (an operation, roles, a payment method) in the screen's language. */
const PARAM_WORDS: Record<string, string> = { operation: 'op', method: 'paymentMethod', expected: 'paymentMethod' };

function wordedParams(
  params: Record<string, string | number> | undefined,
  language: Language,
): Record<string, string | number> | undefined {
  if (!params) return params;
  const words = language === 'ja' ? ja : en;
  const word = (prefix: string, value: string) => {
    const key = `${prefix}.${value}`;
    return key in words ? words[key as MessageKey] : value;
  };
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    const prefix = PARAM_WORDS[name];
    if (name === 'roles' && typeof value === 'string')
      out[name] = value
        .split(/,\s*/)
        .map((r) => word('role', r))
        .join(words['common.listSeparator']);
    else out[name] = prefix && typeof value === 'string' ? word(prefix, value) : value;
  }
  return out;
}

/**
 * The one wording of a problem or refusal for a person: its code's words in the screen's language, filled
 * with its params. Only an English screen falls back to core's English sentence (for a code this renderer does
 * not know, from a newer host); a Japanese screen never shows it.
 */
export function wordProblem(problem: Pick<FieldProblem, 'code' | 'params' | 'message'>, language: Language): string {
  const code: unknown = problem.code;
  if (!isProblemCode(code)) return language === 'en' ? problem.message : PROBLEM_WORDS.ja['schema.invalid'];
  if (language === 'en' && problem.message && sentenceIsBetterInEnglish(code)) return problem.message;
  return fill(PROBLEM_WORDS[language][code], wordedParams(problem.params, language));
}

/** A refusal worded: its own code, or for an invalid input the first field problem's. */
export function wordRefusal(
  failure: Pick<CallFailure, 'code' | 'params' | 'message' | 'problems'>,
  language: Language,
) {
  const first = failure.code === 'operation.invalid_input' ? failure.problems?.[0] : undefined;
  return wordProblem(first ?? failure, language);
}
