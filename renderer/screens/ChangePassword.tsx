import { useState, type FormEvent } from 'react';
import { changePasswordInput } from '../../core/api/schemas/session';
import type { CallFailure, OperationName } from '../api/client';
import { Refusal } from '../components/Refusal';
import { useI18n } from '../i18n/i18n';
import { useSession } from '../session/session';
import { NewPasswordFields, passwordsDiffer } from './common/NewPasswordFields';
import { TextField } from './common/TextField';
import { useSchemaForm } from './common/useSchemaForm';

const FIELDS = ['currentPassword', 'newPassword', 'confirm'] as const;
type FieldName = (typeof FIELDS)[number];
const EMPTY: Record<FieldName, string> = { currentPassword: '', newPassword: '', confirm: '' };
const toInput = (d: Record<FieldName, string>) => ({ currentPassword: d.currentPassword, newPassword: d.newPassword });

/**
 * Every operator changes their own password here; after an admin reset it, nothing else is open until they do
 * (D-SEC-6). A new password ends every session, this one too (D-SEC-7): they sign in again with it.
 */
export function ChangePassword() {
  const { t } = useI18n();
  const { operator, call, signOut } = useSession();
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useSchemaForm('changePassword', changePasswordInput, FIELDS, EMPTY, toInput, 'password', FIELDS);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input || passwordsDiffer(form, 'newPassword', 'confirm')) return;
    setBusy(true);
    setFailure(null);
    const result = await call('session.changePassword', input);
    setBusy(false);
    if (result.ok) return signOut(t('password.done'));
    const unplaced = form.answer(result);
    if (unplaced) setFailure({ operation: 'session.changePassword', failure: unplaced });
  }

  async function signOutEverywhere() {
    const result = await call('session.signOutEverywhere', {});
    if (result.ok) return signOut();
    setFailure({ operation: 'session.signOutEverywhere', failure: result });
  }

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
        <TextField
          form={form}
          field="currentPassword"
          label={t('password.current')}
          type="password"
          autoComplete="current-password"
          autoFocus
        />
        <NewPasswordFields
          form={form}
          field="newPassword"
          confirm="confirm"
          label={t('password.new')}
          confirmLabel={t('password.confirm')}
          mismatch={t('password.mismatch')}
        />
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
