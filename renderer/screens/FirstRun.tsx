import { useState, type FormEvent } from 'react';
import { createFirstAdminInput } from '../../core/api/schemas/setup';
import { setSellerInput } from '../../core/api/schemas/seller';
import { todayJst } from '../format';
import { useSchemaForm } from './common/useSchemaForm';
import { SellerFields } from './seller/SellerFields';
import { SELLER_FIELDS, emptySellerDraft, sellerInputOf, type SellerDraft } from './seller/seller-draft';
import type { FieldProblem } from '../../core/errors';
import type { CallFailure, OperationName } from '../api/client';
import { useSession } from '../session/session';
import { Field } from '../components/Field';
import { Progress } from '../components/Progress';
import { Refusal } from '../components/Refusal';
import { fieldOfPath, problemText, schemaProblems } from '../forms/field-problems';
import { useI18n } from '../i18n/i18n';
import { demoWelcome, type Welcome } from './welcome';
import { JoinTeam } from './JoinTeam';

const FIELDS = ['login', 'displayName', 'password', 'confirm'] as const;
type FieldName = (typeof FIELDS)[number];

/** No operators yet: create the first administrator, or load demo data (which brings its own operators). */
export function FirstRun({ onDone }: { onDone(welcome: Welcome): void }) {
  const { t, language } = useI18n();
  const [values, setValues] = useState<Record<FieldName, string>>({
    login: '',
    displayName: '',
    password: '',
    confirm: '',
  });
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
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

  const input = { login: values.login.trim(), displayName: values.displayName, password: values.password };
  const clientProblems = schemaProblems(createFirstAdminInput, input, FIELDS);
  if (values.confirm !== values.password)
    clientProblems.push({ path: 'confirm', code: 'password.mismatch', message: t('firstRun.passwordMismatch') });

  const errorFor = (field: FieldName): string | undefined => {
    if (field === 'confirm' && touched.confirm && values.confirm !== values.password)
      return t('firstRun.passwordMismatch');
    const server = serverProblems.find((p) => fieldOfPath(p.path, FIELDS) === field);
    const client = touched[field] ? clientProblems.find((p) => fieldOfPath(p.path, FIELDS) === field) : undefined;
    const problem = server ?? client;
    return problem ? problemText(problem, field, values[field], 'firstRun', language, t) : undefined;
  };

  function change(field: FieldName, value: string) {
    setValues((was) => ({ ...was, [field]: value }));
    setTouched((was) => ({ ...was, [field]: true }));
    setServerProblems((was) => was.filter((p) => fieldOfPath(p.path, FIELDS) !== field));
  }

  async function createAdmin(event: FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])));
    const sellerInput = seller.check();
    if (clientProblems.length > 0 || !sellerInput) return;
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
    setServerProblems(result.problems ?? []);
    if (!result.problems?.some((p) => fieldOfPath(p.path, FIELDS)))
      setFailure({ operation: 'setup.createFirstAdmin', failure: result });
  }

  async function loadDemo() {
    setBusy('demo');
    setFailure(null);
    const result = await call('setup.loadDemo', {});
    setBusy(null);
    if (result.ok) return onDone(demoWelcome(result.output));
    setFailure({ operation: 'setup.loadDemo', failure: result });
  }

  const control = (field: FieldName, type: string, autoComplete: string, autoFocus = false) =>
    function Control(c: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) {
      return (
        <input
          {...c}
          name={field}
          type={type}
          autoComplete={autoComplete}
          value={values[field]}
          onChange={(e) => change(field, e.target.value)}
          autoFocus={autoFocus}
        />
      );
    };

  return (
    <div className="centered">
      <div className="card card--wide">
        <h1>{t('firstRun.title')}</h1>
        <p className="lead">{t('firstRun.intro')}</p>
        {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
        <div className="first-run">
          <form onSubmit={createAdmin} noValidate aria-labelledby="create-admin-title">
            <h2 id="create-admin-title">{t('firstRun.createAdmin')}</h2>
            <Field label={t('firstRun.login')} error={errorFor('login')}>
              {control('login', 'text', 'username', true)}
            </Field>
            <Field label={t('firstRun.displayName')} error={errorFor('displayName')}>
              {control('displayName', 'text', 'name')}
            </Field>
            <Field label={t('firstRun.password')} error={errorFor('password')}>
              {control('password', 'password', 'new-password')}
            </Field>
            <Field label={t('firstRun.passwordConfirm')} error={errorFor('confirm')}>
              {control('confirm', 'password', 'new-password')}
            </Field>
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
