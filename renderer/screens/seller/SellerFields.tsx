import { Field } from '../../components/Field';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import type { SchemaForm } from '../common/useSchemaForm';
import type { SellerField } from './seller-draft';

/** A PNG file as base64, for the seal (角印) printed on documents. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** The seller's fields (R-TAX-5): company, contact, registration number, one bank account, the seal, the date. */
export function SellerFields({
  form,
  seal,
  onSeal,
  withDate = true,
}: {
  form: SchemaForm<SellerField>;
  seal: { name: string; base64: string } | null;
  onSeal: (seal: { name: string; base64: string } | null) => void;
  withDate?: boolean;
}) {
  const { t } = useI18n();
  const text = (field: SellerField, hint?: string) => (
    <TextField form={form} field={field} label={t(`sellerForm.${field}` as 'sellerForm.name')} hint={hint} />
  );
  return (
    <>
      {text('name')}
      {text('postalCode')}
      {text('address')}
      {text('phone')}
      {text('email')}
      {text('contactName')}
      {text('registrationNumber', t('sellerForm.registrationNumberHint'))}
      {text('bankName')}
      {text('bankCode')}
      {text('branchName')}
      {text('branchCode')}
      <Field label={t('sellerForm.accountType')} error={form.errorFor('accountType')}>
        {(control) => (
          <select
            {...control}
            name="accountType"
            value={form.draft.accountType}
            onChange={(e) => form.change('accountType', e.target.value)}
          >
            <option value="ordinary">{t('sellerForm.accountType.ordinary')}</option>
            <option value="current">{t('sellerForm.accountType.current')}</option>
          </select>
        )}
      </Field>
      {text('accountNumber')}
      {text('accountHolderKana')}
      <Field label={t('sellerForm.seal')}>
        {(control) => (
          <input
            {...control}
            name="seal"
            type="file"
            accept="image/png"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void readBase64(file).then((base64) => onSeal({ name: file.name, base64 }));
            }}
          />
        )}
      </Field>
      {seal ? (
        <p className="small">
          {t('sellerForm.sealChosen', { name: seal.name })}{' '}
          <button type="button" className="quiet" onClick={() => onSeal(null)}>
            {t('sellerForm.sealRemove')}
          </button>
        </p>
      ) : null}
      {withDate ? text('effectiveFrom') : null}
    </>
  );
}
