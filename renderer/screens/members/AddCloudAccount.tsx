import { useState } from 'react';
import { createCloudAccountInput } from '../../../core/api/schemas/cloud-accounts';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['label'] as const;

/** Opens one more cloud account for the member (R-PARTY-2), with an optional label such as 本番環境. */
export function AddCloudAccount({ memberNumber }: { memberNumber: string }) {
  const { t } = useI18n();
  const inputOf = (d: { label: string }) => ({ memberNumber, ...(d.label.trim() ? { label: d.label } : {}) });
  const form = useSchemaForm(
    `cloudAccounts.create.${memberNumber}`,
    createCloudAccountInput,
    FIELDS,
    { label: '' },
    inputOf,
    'accountForm',
  );
  const [said, setSaid] = useState<string | null>(null);

  const {
    submit,
    sending: saving,
    failure,
  } = useFormSubmit(form, 'cloudAccounts.create', (output) => {
    form.reset();
    setSaid(t('accountForm.created', { code: output.code }));
  });

  return (
    <form className="form form--inline add-account" onSubmit={submit} noValidate aria-labelledby="add-account-title">
      <h3 id="add-account-title">{t('accountForm.title')}</h3>
      <TextField form={form} field="label" label={t('accountForm.label')} hint={t('accountForm.labelHint')} />
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('common.working') : t('accountForm.submit')}
        </button>
      </div>
      {failure ? <Refusal operation="cloudAccounts.create" failure={failure} /> : null}
      <Notice>{said}</Notice>
    </form>
  );
}
