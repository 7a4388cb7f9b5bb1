import { useState, type FormEvent } from 'react';
import { registerPrepaidIdInput } from '../../../core/api/schemas/prepaid';
import type { CallFailure } from '../../api/client';
import { useSession } from '../../session/session';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['cloudAccountCode', 'code'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const inputOf = (d: Draft) => ({ cloudAccountCode: d.cloudAccountCode.trim(), code: d.code });

/** R-PRE-4, R-PRE-5, R-PRE-7: a prepaid ID registered on a cloud account of the member who paid for it. */
export function RegisterPrepaidId() {
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
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input) return;
    const result = await call('prepaid.register', input);
    setFailure(form.answer(result));
    if (!result.ok) return;
    setDone(
      t('prepaid.registered', { account: input.cloudAccountCode, expires: formatJstDate(result.output.expiresAt) }),
    );
    form.reset();
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="register-title" autoComplete="off">
      <h2 id="register-title">{t('prepaid.registerTitle')}</h2>
      {failure ? <Refusal operation="prepaid.register" failure={failure} /> : null}
      <Notice>{done}</Notice>
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
