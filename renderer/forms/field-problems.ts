import type { z } from 'zod';
import type { FieldProblem } from '../../core/errors';
import type { Language, Translate } from '../i18n/i18n';
import { labelOf } from '../i18n/labels';

/** The form field a problem path names: `name`, `member.name` and `roles[0]` belong to `name`, `roles`. */
export function fieldOfPath(path: string, fields: readonly string[]): string | null {
  const parts = path.split(/[.[\]]/).filter(Boolean);
  return parts.find((part) => fields.includes(part)) ?? null;
}

/** The first problem for each field, from the catalog's zod schema run in the renderer as the person types. */
export function schemaProblems(schema: z.ZodType, input: unknown, fields: readonly string[]): FieldProblem[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return parsed.error.issues
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    .filter((p) => fieldOfPath(p.path, fields));
}

/**
 * What to show under a field. The catalog writes its messages in English; in Japanese the dictionary's words
 * for that field are shown instead (`<form>.error.<field>`), or a plain "required"/"check this" when it has none.
 */
export function problemText(
  problem: FieldProblem,
  field: string,
  value: string,
  form: string,
  language: Language,
  t: Translate,
): string {
  if (language === 'en') return problem.message;
  if (value.trim() === '') return t('form.required');
  const text = labelOf(t, `${form}.error`, field);
  return text === field ? t('form.invalid') : text;
}
