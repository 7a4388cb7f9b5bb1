import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { FieldProblem } from '../../../core/errors';
import type { CallFailure, CallResult } from '../../api/client';
import { fieldOfPath, problemText, schemaProblems } from '../../forms/field-problems';
import { useDraft } from '../../hooks/useDraft';
import { useI18n } from '../../i18n/i18n';

export interface SchemaForm<F extends string, Input = unknown> {
  draft: Record<F, string>;
  change(field: F, value: string): void;
  errorFor(field: F): string | undefined;
  /** Whether the person has typed in the field, or tried to send the form. */
  touched(field: F): boolean;
  /** Marks every field touched; the input as the catalog's schema accepted it, or null when it does not. */
  check(): Input | null;
  /** After a call: field problems go under their fields, anything else is the returned failure to show. */
  answer(result: CallResult<unknown>): CallFailure | null;
  reset(): void;
}

/**
 * The pattern of the member form for every screen: the draft kept in sessionStorage, the catalog's zod schema run
 * as the person types, each field's first problem (or the server's) shown under it once touched.
 */
export function useSchemaForm<F extends string, S extends z.ZodType>(
  key: string,
  schema: S,
  fields: readonly F[],
  initial: Record<F, string>,
  toInput: (draft: Record<F, string>) => unknown,
  dictionary: string,
  /** Fields never written to sessionStorage (a prepaid code): kept in memory only. */
  secret: readonly F[] = [],
): SchemaForm<F, z.output<S>> {
  const { t, language } = useI18n();
  const [kept, update, clearDraft] = useDraft<Record<F, string>>(key, initial);
  const [secrets, setSecrets] = useState<Partial<Record<F, string>>>({});
  const draft = useMemo(() => ({ ...kept, ...secrets }), [kept, secrets]);
  const [touched, setTouched] = useState<Partial<Record<F, boolean>>>({});
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const clientProblems = useMemo(
    () => schemaProblems(schema, toInput(draft), fields),
    [schema, draft, fields, toInput],
  );

  return {
    draft,
    change(field, value) {
      if (secret.includes(field)) setSecrets((was) => ({ ...was, [field]: value }));
      else update({ [field]: value } as Partial<Record<F, string>>);
      setTouched((was) => ({ ...was, [field]: true }));
      setServerProblems((was) => was.filter((p) => fieldOfPath(p.path, fields) !== field));
    },
    errorFor(field) {
      const server = serverProblems.find((p) => fieldOfPath(p.path, fields) === field);
      const client = touched[field] ? clientProblems.find((p) => fieldOfPath(p.path, fields) === field) : undefined;
      const problem = server ?? client;
      return problem ? problemText(problem, field, draft[field], dictionary, language, t) : undefined;
    },
    touched(field) {
      return touched[field] === true;
    },
    check() {
      setTouched(Object.fromEntries(fields.map((f) => [f, true])) as Partial<Record<F, boolean>>);
      const parsed = schema.safeParse(toInput(draft));
      return parsed.success ? parsed.data : null;
    },
    answer(result) {
      if (result.ok) {
        setServerProblems([]);
        return null;
      }
      const problems = result.problems ?? [];
      setServerProblems(problems);
      const unplaced = problems.filter((p) => fieldOfPath(p.path, fields) === null);
      return problems.length === 0 || unplaced.length > 0 ? result : null;
    },
    reset() {
      clearDraft();
      setSecrets({});
      setTouched({});
      setServerProblems([]);
    },
  };
}
