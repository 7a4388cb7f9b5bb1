import { useState } from 'react';
import { setSellerInput } from '../../../core/api/schemas/seller';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate, todayJst } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';
import { SellerFields } from './SellerFields';
import { SELLER_FIELDS, draftOfSeller, emptySellerDraft, sellerInputOf, type SellerDraft } from './seller-draft';

/** The administrator's form, opened with the seller in force today (or empty before one is set). */
function SellerForm({ initial, onSaved }: { initial: SellerDraft; onSaved: (effectiveFrom: string) => void }) {
  const { t } = useI18n();
  const [seal, setSeal] = useState<{ name: string; base64: string } | null>(null);
  const toInput = (d: SellerDraft) => sellerInputOf(d, seal?.base64 ?? null);
  const form = useSchemaForm('seller.set', setSellerInput, SELLER_FIELDS, initial, toInput, 'sellerForm');

  const {
    submit,
    sending: saving,
    failure,
  } = useFormSubmit(form, 'seller.set', (output) => onSaved(output.effectiveFrom));

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="seller-form-title">
      <h2 id="seller-form-title">{t('sellerForm.title')}</h2>
      {failure ? <Refusal operation="seller.set" failure={failure} /> : null}
      <SellerFields form={form} seal={seal} onSeal={setSeal} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.working') : t('sellerForm.submit')}
        </button>
      </div>
    </form>
  );
}

/** R-TAX-5: the seller as set today, its dated history, and (for an administrator) a form to set it from a date. */
export function SellerScreen() {
  const { t } = useI18n();
  const mayCall = useMayCall();
  const current = useRead('seller.get', {});
  const today = todayJst();
  const [notice, setNotice] = useState<string | null>(null);
  const initial =
    current.data?.configured === true ? draftOfSeller(current.data.seller, today) : emptySellerDraft(today);

  const seller = current.data?.seller;
  return (
    <section aria-labelledby="seller-title">
      <div className="screen-head">
        <h1 id="seller-title">{t('seller.title')}</h1>
      </div>
      <p className="muted">{t('seller.intro')}</p>
      {current.failure ? <Refusal operation="seller.get" failure={current.failure} /> : null}
      <Notice>{notice}</Notice>
      <div className="columns">
        {mayCall('seller.set') && current.data ? (
          <SellerForm
            initial={initial}
            onSaved={(date) => setNotice(t('seller.saved', { date: formatJstDate(date) }))}
          />
        ) : null}
        {seller && current.data ? (
          <div className="panel" aria-labelledby="seller-current-title">
            <h2 id="seller-current-title">{t('seller.current', { date: formatJstDate(current.data.date) })}</h2>
            {current.data.configured ? (
              <>
                <p className="strong">{seller.name}</p>
                <p>{seller.address}</p>
                <p data-testid="seller-registration">
                  {seller.registrationNumber
                    ? t('seller.registered', { number: seller.registrationNumber })
                    : t('seller.notRegistered')}
                </p>
              </>
            ) : (
              <p className="muted">{t('seller.unset')}</p>
            )}
            {current.data.history.length > 0 ? (
              <>
                <h3>{t('seller.history')}</h3>
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th>{t('seller.col.effectiveFrom')}</th>
                      <th>{t('seller.col.name')}</th>
                      <th>{t('seller.col.registration')}</th>
                      <th>{t('seller.col.by')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {current.data.history.map((h) => (
                      <tr key={h.id}>
                        <td>{formatJstDate(h.effectiveFrom)}</td>
                        <td>{h.seller.name}</td>
                        <td className="mono">{h.seller.registrationNumber ?? t('common.none')}</td>
                        <td>{h.createdBy ?? t('common.none')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}
