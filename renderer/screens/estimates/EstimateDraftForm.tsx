import { useEffect } from 'react';
import { draftEstimateInput } from '../../../core/api/schemas/prepaid';
import type { Output } from '../../api/client';
import { typedYen } from '../../../core/api/schemas/typed';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['memberNumber', 'amount', 'subject', 'validDays', 'repName'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { memberNumber: '', amount: '', subject: '', validDays: '30', repName: '' };

function inputOf(d: Draft): Record<string, unknown> {
  const days = /^[0-9]+$/.test(d.validDays) ? Number(d.validDays) : d.validDays;
  return {
    memberNumber: d.memberNumber.trim(),
    amount: d.amount.trim(),
    validDays: days,
    ...(d.subject.trim() ? { subject: d.subject } : {}),
    ...(d.repName.trim() ? { repName: d.repName } : {}),
  };
}

/** R-PRE-1, R-PRE-2: a sales rep drafts one estimate per application; the amount follows the prepaid rules. */
export function EstimateDraftForm({
  onAmount,
  onDrafted,
}: {
  onAmount: (value: string) => void;
  onDrafted: (estimate: Output<'estimates.draft'>) => void;
}) {
  const { t } = useI18n();
  const form = useSchemaForm('estimates.draft', draftEstimateInput, FIELDS, EMPTY, inputOf, 'estimateForm');
  // The simulator beside the form says how many months the amount being typed would cover.
  useEffect(() => onAmount(typedYen(form.draft.amount)), [form.draft.amount, onAmount]);

  const {
    submit,
    sending: saving,
    failure,
  } = useFormSubmit(form, 'estimates.draft', (output) => {
    form.reset();
    onDrafted(output);
  });

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="estimate-form-title">
      <h2 id="estimate-form-title">{t('estimates.draftTitle')}</h2>
      {failure ? <Refusal operation="estimates.draft" failure={failure} /> : null}
      <TextField
        form={form}
        field="memberNumber"
        label={t('estimateForm.memberNumber')}
        hint={t('estimateForm.memberNumberHint')}
        autoFocus
      />
      <TextField
        form={form}
        field="amount"
        label={t('estimateForm.amount')}
        hint={t('estimateForm.amountHint')}
        inputMode="numeric"
      />
      <TextField form={form} field="subject" label={t('estimateForm.subject')} hint={t('estimateForm.subjectHint')} />
      <TextField form={form} field="validDays" label={t('estimateForm.validDays')} inputMode="numeric" />
      <TextField form={form} field="repName" label={t('estimateForm.repName')} hint={t('estimateForm.repNameHint')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.working') : t('estimates.draftSubmit')}
        </button>
        <button type="button" className="quiet" onClick={form.reset}>
          {t('common.clear')}
        </button>
      </div>
      <p className="muted small">{t('memberForm.draftKept')}</p>
    </form>
  );
}
