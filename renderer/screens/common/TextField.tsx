import type { HTMLInputTypeAttribute } from 'react';
import { Field } from '../../components/Field';
import type { SchemaForm } from './useSchemaForm';

/** One text input of a schema form, with its label, hint and error. */
export function TextField<F extends string>({
  form,
  field,
  label,
  hint,
  type = 'text',
  autoFocus,
  inputMode,
  autoComplete,
}: {
  form: Pick<SchemaForm<F>, 'draft' | 'change' | 'errorFor'>;
  field: F;
  label: string;
  hint?: string;
  type?: HTMLInputTypeAttribute;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text';
  autoComplete?: string;
}) {
  return (
    <Field label={label} error={form.errorFor(field)} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={type}
          inputMode={inputMode}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          value={form.draft[field]}
          onChange={(e) => form.change(field, e.target.value)}
        />
      )}
    </Field>
  );
}
