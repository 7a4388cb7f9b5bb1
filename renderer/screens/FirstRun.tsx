import { useState, type FormEvent } from 'react';
import { createFirstAdminInput } from '../../core/api/schemas/setup';
import { setSellerInput } from '../../core/api/schemas/seller';
import { todayJst } from '../format';
import { NewPasswordFields, passwordsDiffer } from './common/NewPasswordFields';
import { TextField } from './common/TextField';
import { useSchemaForm } from './common/useSchemaForm';
import { SellerFields } from './seller/SellerFields';
import { SELLER_FIELDS, emptySellerDraft, sellerInputOf, type SellerDraft } from './seller/seller-draft';
import type { CallFailure, OperationName } from '../api/client';
import { useSession } from '../session/session';
import { Progress } from '../components/Progress';
import { Refusal } from '../components/Refusal';
import { useI18n } from '../i18n/i18n';
import { demoWelcome, type Welcome } from './welcome';
import { JoinTeam } from './JoinTeam';

const FIELDS = ['login', 'displayName', 'password', 'confirm'] as const;
type FieldName = (typeof FIELDS)[number];
const EMPTY_ADMIN: Record<FieldName, string> = { login: '', displayName: '', password: '', confirm: '' };
const adminInput = (d: Record<FieldName, string>) => ({
  login: d.login.trim(),
  displayName: d.displayName,
  password: d.password,
});

/** No operators yet: create the first administrator, or load demo data (which brings its own operators). */
export function FirstRun({ onDone }: { onDone(welcome: Welcome): void }) {
  const { t } = useI18n();
  const admin = useSchemaForm(
    'firstRun.admin',
    createFirstAdminInput,
    FIELDS,
    EMPTY_ADMIN,
    adminInput,
    'firstRun',
    FIELDS,
  );
  const { call } = useSession();
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [busy, setBusy] = useState<'admin' | 'demo' | null>(null);
  const [seal, setSeal] = useState<{ name: string; base64: string } | null>(null);
  const toSellerInput = (d: SellerDraft) => sellerInputOf({ ...d, effectiveFrom: todayJst() }, seal?.base64 ?? null);
  const seller = useSchemaForm(
    'firstRun.seller',
    setSellerInput,
    SELLER_FIELDS,
    emptySellerDraft(todayJst()),
    toSellerInput,
    'sellerForm',
  );

  async function createAdmin(event: FormEvent) {
    event.preventDefault();
    const input = admin.check();
    const sellerInput = seller.check();
    if (!input || passwordsDiffer(admin, 'password', 'confirm') || !sellerInput) return;
    setBusy('admin');
    setFailure(null);
    // R-TAX-5: the seller first (allowed while no operator exists), then the administrator who may change it.
    const saved = await call('seller.set', sellerInput);
    const sellerFailure = seller.answer(saved);
    if (!saved.ok) {
      setBusy(null);
      if (sellerFailure) setFailure({ operation: 'seller.set', failure: sellerFailure });
      return;
    }
    seller.reset();
    const result = await call('setup.createFirstAdmin', input);
    setBusy(null);
    if (result.ok) return onDone({ kind: 'created' });
    const unplaced = admin.answer(result);
    if (unplaced) setFailure({ operation: 'setup.createFirstAdmin', failure: unplaced });
  }

  async function loadDemo() {
    setBusy('demo');
    setFailure(null);
    const result = await call('setup.loadDemo', {});
    setBusy(null);
    if (result.ok) return onDone(demoWelcome(result.output));
    setFailure({ operation: 'setup.loadDemo', failure: result });
  }

  return (
    <div className="centered">
      <div className="card card--wide">
        <h1>{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
        <div className="first-run">
          <form onSubmit={createAdmin} noValidate aria-labelledby="create-admin-title">
            <h2 id="create-admin-title">{t('firstRun.createAdmin')}</h2>
            <TextField form={admin} field="login" label={t('firstRun.login')} autoComplete="username" autoFocus />
            <TextField form={admin} field="displayName" label={t('firstRun.displayName')} autoComplete="name" />
            <NewPasswordFields
              form={admin}
              field="password"
              confirm="confirm"
              label={t('firstRun.password')}
              confirmLabel={t('firstRun.passwordConfirm')}
              mismatch={t('firstRun.passwordMismatch')}
            />
            <h3 id="first-run-seller-title">{t('firstRun.sellerTitle')}</h3>
            <p className="muted small">{t('firstRun.sellerIntro')}</p>
            <SellerFields form={seller} seal={seal} onSeal={setSeal} withDate={false} />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy !== null}>
                {t('firstRun.submit')}
              </button>
            </div>
          </form>
          <div className="first-run__or" aria-hidden="true">
            {t('firstRun.or')}
          </div>
          <section className="first-run__demo" aria-labelledby="demo-title">
            <h2 id="demo-title">{t('firstRun.demoTitle')}</h2>
            <p>{t('firstRun.demoIntro')}</p>
            {busy === 'demo' ? (
              <Progress label={t('firstRun.loadingDemo')} />
            ) : (
              <button type="button" onClick={loadDemo} disabled={busy !== null}>
                {t('firstRun.loadDemo')}
              </button>
            )}
          </section>
        </div>
        <JoinTeam onJoined={(server) => onDone({ kind: 'joined', server })} />
      </div>
    </div>
  );
}
