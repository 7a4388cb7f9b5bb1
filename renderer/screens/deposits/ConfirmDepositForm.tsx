import { useState } from 'react';
import { confirmDepositInput } from '../../../core/api/schemas/prepaid';
import type { Output } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { formatYen, todayJst } from '../../format';
import { useI18n, type Translate } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { TextField } from '../common/TextField';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['statementNumber', 'amount', 'valueDate', 'bankReference'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;

const inputOf = (d: Draft) => ({
  statementNumber: d.statementNumber.trim().toUpperCase(),
  amount: d.amount.normalize('NFKC').replace(/[,\s¥円]/g, ''),
  valueDate: d.valueDate.trim(),
  bankReference: d.bankReference,
});

/** What the confirmation did, worded from its outcome (never core's English sentence). */
function outcomeWords(t: Translate, result: Output<'deposits.confirm'>): string {
  if (result.outcome === 'unchanged') return t('deposits.outcome.unchanged');
  if (result.paid === 'monthly_bill') {
    const paid = t('deposits.outcome.billPaid', {
      statement: result.statementNumber,
      outstanding: formatYen(result.outstanding),
    });
    return result.fee === '0' ? paid : `${paid} ${t('deposits.outcome.billFee', { fee: formatYen(result.fee) })}`;
  }
  if (result.outcome === 'confirmed') return t('deposits.outcome.confirmed', { due: result.issueDueDate || '—' });
  const values = {
    amount: formatYen(result.amount),
    expected: formatYen(result.expected),
    statementNumber: result.statementNumber,
    status: labelOf(t, 'estimateStatus', result.statementStatus),
  };
  return t(`deposits.outcome.held.${result.heldBecause ?? 'not_awaiting_payment'}`, values);
}

/** R-PRE-2, R-PRE-3: accounting types in a deposit seen on the bank account; a short or excess amount is held. */
export function ConfirmDepositForm() {
  const { t } = useI18n();
  const form = useSchemaForm(
    'deposits.confirm',
    confirmDepositInput,
    FIELDS,
    { statementNumber: '', amount: '', valueDate: todayJst(), bankReference: '' },
    inputOf,
    'depositForm',
  );
  const [result, setResult] = useState<Output<'deposits.confirm'> | null>(null);

  const {
    submit,
    sending: saving,
    failure,
  } = useFormSubmit(form, 'deposits.confirm', (output) => {
    setResult(output);
    form.reset();
  });

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="confirm-deposit-title">
      <h2 id="confirm-deposit-title">{t('deposits.confirmTitle')}</h2>
      {failure ? <Refusal operation="deposits.confirm" failure={failure} /> : null}
      {result ? (
        <p className={result.outcome === 'held' ? 'notice notice--warn' : 'notice'} role="status">
          {outcomeWords(t, result)}
        </p>
      ) : null}
      <p className="muted small">{t('deposits.confirmHint')}</p>
      <TextField
        form={form}
        field="statementNumber"
        label={t('depositForm.statementNumber')}
        hint={t('depositForm.statementNumberHint')}
      />
      <TextField form={form} field="amount" label={t('depositForm.amount')} inputMode="numeric" />
      <TextField form={form} field="valueDate" label={t('depositForm.valueDate')} type="date" />
      <TextField form={form} field="bankReference" label={t('depositForm.bankReference')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.working') : t('deposits.confirmSubmit')}
        </button>
      </div>
    </form>
  );
}
