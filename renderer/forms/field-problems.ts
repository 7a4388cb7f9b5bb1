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
 * What to show under a field. In Japanese: "required" for an empty field, else for a schema problem the form's
 * own words for that field (`<form>.error.<field>`, a hint written for the form), else the problem's code worded
 * (renderer/i18n/problems.ts). In English: the problem worded (a schema's own English sentence for its field).
 */
export function problemText(
  problem: FieldProblem,
  field: string,
  value: string,
  form: string,
  language: Language,
  t: Translate,
): string {
  if (language === 'en') return wordProblem(problem, 'en');
  if (value.trim() === '') return t('form.required');
  // A business refusal (daily.after_today…) is worded by its code: the form's hint only explains a schema problem.
  if (!problem.code.startsWith('schema.')) return wordProblem(problem, 'ja');
  const text = labelOf(t, `${form}.error`, field);
  return text === field ? wordProblem(problem, 'ja') : text;
}
