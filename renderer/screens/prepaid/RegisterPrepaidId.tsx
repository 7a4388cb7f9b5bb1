import { useState, type FormEvent } from 'react';
import { registerPrepaidIdInput } from '../../../core/api/schemas/prepaid';
import { useSession } from '../../session/session';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { obj, str } from '../common/read';
import { TextField } from '../common/TextField';
import type { Failure } from '../common/useOperation';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['cloudAccountCode', 'code'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const inputOf = (d: Draft) => ({ cloudAccountCode: d.cloudAccountCode.trim(), code: d.code });

/** R-PRE-4, R-PRE-5, R-PRE-7: a prepaid ID registered on a cloud account of the member who paid for it. */
export function RegisterPrepaidId({ onRegistered }: { onRegistered: () => void }) {
  const { t } = useI18n();
  const { call } = useSession();
  // The code is a secret: it is not kept as a draft across screens, only the account code is.
  const form = useSchemaForm(
    'prepaid.register',
    registerPrepaidIdInput,
    FIELDS,
    { cloudAccountCode: '', code: '' },
    inputOf,
    'prepaidForm',
    ['code'],
  );
  const [failure, setFailure] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check()) return;
    const result = await call('prepaid.register', inputOf(form.draft));
    setFailure(form.answer(result));
    if (!result.ok) return;
    const o = obj(result.output);
    setDone(
      t('prepaid.registered', { account: form.draft.cloudAccountCode, expires: formatJstDate(str(o, 'expiresAt')) }),
    );
    form.reset();
    onRegistered();
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="register-title" autoComplete="off">
      <h2 id="register-title">{t('prepaid.registerTitle')}</h2>
      {failure ? <Refusal operation="prepaid.register" failure={failure} /> : null}
      {done ? (
        <p className="notice" role="status">
          {done}
        </p>
      ) : null}
      <TextField form={form} field="cloudAccountCode" label={t('prepaidForm.cloudAccountCode')} />
      <TextField form={form} field="code" label={t('prepaidForm.code')} hint={t('prepaidForm.codeHint')} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('prepaid.registerSubmit')}
        </button>
      </div>
    </form>
  );
}
