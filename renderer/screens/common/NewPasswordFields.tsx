import { TextField } from './TextField';
import type { SchemaForm } from './useSchemaForm';

/** Whether the new password and its confirmation differ (the form is not sent while they do). */
export function passwordsDiffer<F extends string>(form: SchemaForm<F>, field: F, confirm: F): boolean {
  return form.draft[field] !== form.draft[confirm];
}

/**
 * A new password typed twice: the password with its own problems, then the confirmation, which says `mismatch`
 * once it is touched and differs. Both are kept in memory only (useSchemaForm's `secret`).
 */
export function NewPasswordFields<F extends string>({
  form,
  field,
  confirm,
  label,
  confirmLabel,
  mismatch,
}: {
  form: SchemaForm<F>;
  field: F;
  confirm: F;
  label: string;
  confirmLabel: string;
  mismatch: string;
}) {
  const confirmForm = {
    ...form,
    errorFor: () => (form.touched(confirm) && passwordsDiffer(form, field, confirm) ? mismatch : undefined),
  };
  return (
    <>
      <TextField form={form} field={field} label={label} type="password" autoComplete="new-password" />
      <TextField form={confirmForm} field={confirm} label={confirmLabel} type="password" autoComplete="new-password" />
    </>
  );
}
