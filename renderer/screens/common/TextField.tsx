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
}: {
  form: SchemaForm<F>;
  field: F;
  label: string;
  hint?: string;
  type?: HTMLInputTypeAttribute;
  autoFocus?: boolean;
  inputMode?: 'numeric' | 'text';
}) {
  return (
    <Field label={label} error={form.errorFor(field)} hint={hint}>
      {(control) => (
        <input
          {...control}
          name={field}
          type={type}
          inputMode={inputMode}
          autoFocus={autoFocus}
          value={form.draft[field]}
          onChange={(e) => form.change(field, e.target.value)}
        />
      )}
    </Field>
  );
}
