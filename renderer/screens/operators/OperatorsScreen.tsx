import { useState, type FormEvent } from 'react';
import { createOperatorInput } from '../../../core/api/schemas/operators';
import { ROLES, type Role } from '../../../core/api/service';
import type { CallFailure, OperationName } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { labelOf, roleList } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useRead } from '../../session/useRead';
import { TextField } from '../common/TextField';
import { useSchemaForm } from '../common/useSchemaForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import './operators.css';

const FIELDS = ['login', 'displayName', 'password', 'roles'] as const;
type FieldName = (typeof FIELDS)[number];
/** The new operator as typed; its roles as a comma-separated list, so the form is all strings. */
const EMPTY: Record<FieldName, string> = { login: '', displayName: '', password: '', roles: '' };
const rolesOf = (d: Record<FieldName, string>) => (d.roles === '' ? [] : (d.roles.split(',') as Role[]));
const createInput = (d: Record<FieldName, string>) => ({
  login: d.login.trim(),
  displayName: d.displayName,
  password: d.password,
  roles: rolesOf(d),
});

interface Outcome {
  operation: OperationName;
  failure?: CallFailure;
  done?: string;
}

/** The admin's operators: add one, deactivate or reactivate, reset a password, end their sessions (issue 13). */
export function OperatorsScreen() {
  const { t } = useI18n();
  const { call, operator: me } = useSession();
  const operators = useRead('operators.list', {});
  const form = useSchemaForm('operators.create', createOperatorInput, FIELDS, EMPTY, createInput, 'operators', FIELDS);
  const roles = rolesOf(form.draft);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input) return;
    const result = await call('operators.create', input);
    if (result.ok) {
      setOutcome({ operation: 'operators.create', done: t('operators.created', { login: result.output.login }) });
      form.reset();
      return;
    }
    const unplaced = form.answer(result);
    if (unplaced) setOutcome({ operation: 'operators.create', failure: unplaced });
  }

  async function act(
    operation: 'operators.deactivate' | 'operators.reactivate' | 'operators.signOutEverywhere',
    login: string,
  ) {
    const result = await call(operation, { login });
    const done = {
      'operators.deactivate': 'operators.deactivated',
      'operators.reactivate': 'operators.reactivated',
      'operators.signOutEverywhere': 'operators.signedOut',
    } as const;
    setOutcome(result.ok ? { operation, done: t(done[operation], { login }) } : { operation, failure: result });
  }

  return (
    <section className="screen operators-screen" aria-labelledby="operators-title">
      <h1 id="operators-title">{t('operators.title')}</h1>
      {outcome?.done ? (
        <p className="notice" role="status">
          {outcome.done}
        </p>
      ) : null}
      {outcome?.failure ? <Refusal operation={outcome.operation} failure={outcome.failure} /> : null}
      {operators.failure ? <Refusal operation="operators.list" failure={operators.failure} /> : null}
      {operators.data ? (
        <table className="table" aria-label={t('operators.listLabel')}>
          <thead>
            <tr>
              <th>{t('operators.col.login')}</th>
              <th>{t('operators.col.name')}</th>
              <th>{t('operators.col.roles')}</th>
              <th>{t('operators.col.state')}</th>
              <th>{t('operators.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {operators.data.map((op) => (
              <tr key={op.login}>
                <td className="mono">{op.login}</td>
                <td>{op.name}</td>
                <td>{roleList(t, op.roles)}</td>
                <td>
                  {!op.active
                    ? t('operators.state.inactive')
                    : op.mustChangePassword
                      ? t('operators.state.mustChange')
                      : t('operators.state.active')}
                </td>
                <td className="actions">
                  {op.active ? (
                    <>
                      <button type="button" onClick={() => setResetting(op.login)}>
                        {t('operators.resetPassword')}
                      </button>
                      <button type="button" onClick={() => void act('operators.signOutEverywhere', op.login)}>
                        {t('operators.signOutEverywhere')}
                      </button>
                      {op.login === me?.login ? null : (
                        <button type="button" onClick={() => void act('operators.deactivate', op.login)}>
                          {t('operators.deactivate')}
                        </button>
                      )}
                    </>
                  ) : (
                    <button type="button" onClick={() => void act('operators.reactivate', op.login)}>
                      {t('operators.reactivate')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {resetting ? (
        <ResetPasswordForm
          login={resetting}
          onDone={(result) => {
            setResetting(null);
            if (result) setOutcome(result);
          }}
        />
      ) : null}
      <form className="card" onSubmit={create} noValidate aria-labelledby="create-operator-title">
        <h2 id="create-operator-title">{t('operators.create.title')}</h2>
        <TextField form={form} field="login" label={t('operators.create.login')} autoComplete="off" />
        <TextField form={form} field="displayName" label={t('operators.create.displayName')} autoComplete="off" />
        <TextField
          form={form}
          field="password"
          label={t('operators.create.password')}
          type="password"
          autoComplete="new-password"
        />
        <fieldset className="operator-roles" aria-invalid={Boolean(form.errorFor('roles'))}>
          <legend>{t('operators.create.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) =>
                  form.change(
                    'roles',
                    (e.target.checked ? [...roles, role] : roles.filter((r) => r !== role)).join(','),
                  )
                }
              />
              {labelOf(t, 'role', role)}
            </label>
          ))}
          {form.errorFor('roles') ? (
            <p className="field__error" role="alert">
              {form.errorFor('roles')}
            </p>
          ) : null}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary">
            {t('operators.create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
