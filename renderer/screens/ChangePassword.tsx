import { useState, type FormEvent } from 'react';
import { changePasswordInput } from '../../core/api/schemas/session';
import type { FieldProblem } from '../../core/errors';
import type { CallFailure, OperationName } from '../api/client';
import { Field } from '../components/Field';
import { Refusal } from '../components/Refusal';
import { fieldOfPath, problemText, schemaProblems } from '../forms/field-problems';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type FieldName = (typeof FIELDS)[number];

/**
 * Every operator changes their own password here; after an admin reset it, nothing else is open until they do
 * (D-SEC-6). A new password ends every session, this one too (D-SEC-7): they sign in again with it.
 */
export function ChangePassword() {
  const { t, language } = useI18n();
  const { operator, call, signOut } = useSession();
  const [values, setValues] = useState<Record<FieldName, string>>({
    currentPassword: '',
    newPassword: '',
    confirm: '',
  });
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [busy, setBusy] = useState(false);

  const input = { currentPassword: values.currentPassword, newPassword: values.newPassword };
  const clientProblems = schemaProblems(changePasswordInput, input, FIELDS);
  const mismatch = values.confirm !== values.newPassword;

  const errorFor = (field: FieldName): string | undefined => {
    if (field === 'confirm') return touched.confirm && mismatch ? t('password.mismatch') : undefined;
    const server = serverProblems.find((p) => fieldOfPath(p.path, FIELDS) === field);
    const client = touched[field] ? clientProblems.find((p) => fieldOfPath(p.path, FIELDS) === field) : undefined;
    const problem = server ?? client;
    return problem ? problemText(problem, field, values[field], 'password', language, t) : undefined;
  };

  function change(field: FieldName, value: string) {
    setValues((was) => ({ ...was, [field]: value }));
    setTouched((was) => ({ ...was, [field]: true }));
    setServerProblems((was) => was.filter((p) => fieldOfPath(p.path, FIELDS) !== field));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])));
    if (clientProblems.length > 0 || mismatch) return;
    setBusy(true);
    setFailure(null);
    const result = await call('session.changePassword', input);
    setBusy(false);
    if (result.ok) return signOut(t('password.done'));
    setServerProblems(result.problems ?? []);
    if (!result.problems?.some((p) => fieldOfPath(p.path, FIELDS)))
      setFailure({ operation: 'session.changePassword', failure: result });
  }

  async function signOutEverywhere() {
    const result = await call('session.signOutEverywhere', {});
    if (result.ok) return signOut();
    setFailure({ operation: 'session.signOutEverywhere', failure: result });
  }

  const control = (field: FieldName, autoComplete: string, autoFocus = false) =>
    function Control(c: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) {
      return (
        <input
          {...c}
          name={field}
          type="password"
          autoComplete={autoComplete}
          value={values[field]}
          onChange={(e) => change(field, e.target.value)}
          autoFocus={autoFocus}
        />
      );
    };

  return (
    <div className="centered">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="change-password-title">
        <h1 id="change-password-title">{t('password.title')}</h1>
        {operator?.mustChangePassword ? (
          <p className="notice" role="status">
            {t('password.mustChange')}
          </p>
        ) : null}
        {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
        <Field label={t('password.current')} error={errorFor('currentPassword')}>
          {control('currentPassword', 'current-password', true)}
        </Field>
        <Field label={t('password.new')} error={errorFor('newPassword')}>
          {control('newPassword', 'new-password')}
        </Field>
        <Field label={t('password.confirm')} error={errorFor('confirm')}>
          {control('confirm', 'new-password')}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('password.submit')}
          </button>
        </div>
        {operator?.mustChangePassword ? null : (
          <section aria-labelledby="sign-out-everywhere">
            <p id="sign-out-everywhere" className="field__hint">
              {t('password.signOutEverywhereHint')}
            </p>
            <button type="button" onClick={() => void signOutEverywhere()}>
              {t('password.signOutEverywhere')}
            </button>
          </section>
        )}
      </form>
    </div>
  );
}
