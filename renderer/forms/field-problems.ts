import type { z } from 'zod';
import type { FieldProblem } from '../../core/errors';
import type { Language, Translate } from '../i18n/i18n';
import { labelOf } from '../i18n/labels';
import { wordProblem } from '../i18n/problems';
import { zodProblems } from '../../core/api/zod-problems';

/** The form field a problem path names: `name`, `member.name` and `roles[0]` belong to `name`, `roles`. */
export function fieldOfPath(path: string, fields: readonly string[]): string | null {
  const parts = path.split(/[.[\]]/).filter(Boolean);
  return parts.find((part) => fields.includes(part)) ?? null;
}

/** The first problem for each field, from the catalog's zod schema run in the renderer as the person types. */
export function schemaProblems(schema: z.ZodType, input: unknown, fields: readonly string[]): FieldProblem[] {
  const parsed = schema.safeParse(input);
  if (parsed.success) return [];
  return zodProblems(parsed.error).filter((p) => fieldOfPath(p.path, fields));
}

/**
 * What to show under a field. A rule's refusal (any code but `schema.*`: "an individual", "the month is not
 * over") is its code worded, whatever the field. A problem of shape (`schema.*`): in Japanese "required" for an
 * empty field, else the form's own words for that field (`<form>.error.<field>`, a hint written for the form),
 * else the code worded (renderer/i18n/problems.ts); in English the schema's own sentence for its field.
 */
export function problemText(
  problem: FieldProblem,
  field: string,
  value: string,
  form: string,
  language: Language,
  t: Translate,
): string {
  if (language === 'en' || !problem.code.startsWith('schema.')) return wordProblem(problem, language);
  if (value.trim() === '') return t('form.required');
  const text = labelOf(t, `${form}.error`, field);
  return text === field ? wordProblem(problem, 'ja') : text;
}
