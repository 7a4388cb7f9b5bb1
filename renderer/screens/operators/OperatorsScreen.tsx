import { useState, type FormEvent } from 'react';
import { createOperatorInput } from '../../../core/api/schemas/operators';
import { ROLES, type Role } from '../../../core/api/service';
import type { FieldProblem } from '../../../core/errors';
import type { CallFailure, OperationName } from '../../api/client';
import { Field } from '../../components/Field';
import { Refusal } from '../../components/Refusal';
import { fieldOfPath, problemText, schemaProblems } from '../../forms/field-problems';
import { useI18n } from '../../i18n/i18n';
import { labelOf, roleList } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useRead } from '../../session/useRead';
import { ResetPasswordForm } from './ResetPasswordForm';
import './operators.css';

const FIELDS = ['login', 'displayName', 'password', 'roles'] as const;
type FieldName = Exclude<(typeof FIELDS)[number], 'roles'>;

interface Outcome {
  operation: OperationName;
  failure?: CallFailure;
  done?: string;
}

/** The admin's operators: add one, deactivate or reactivate, reset a password, end their sessions (issue 13). */
export function OperatorsScreen() {
  const { t, language } = useI18n();
  const { call, operator: me } = useSession();
  const operators = useRead('operators.list', {});
  const [values, setValues] = useState<Record<FieldName, string>>({ login: '', displayName: '', password: '' });
  const [roles, setRoles] = useState<Role[]>([]);
  const [touched, setTouched] = useState<Partial<Record<FieldName | 'roles', boolean>>>({});
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [resetting, setResetting] = useState<string | null>(null);

  const input = { login: values.login.trim(), displayName: values.displayName, password: values.password, roles };
  const clientProblems = schemaProblems(createOperatorInput, input, FIELDS);
  const errorFor = (field: FieldName | 'roles'): string | undefined => {
    const server = serverProblems.find((p) => fieldOfPath(p.path, FIELDS) === field);
    const client = touched[field] ? clientProblems.find((p) => fieldOfPath(p.path, FIELDS) === field) : undefined;
    const problem = server ?? client;
    if (!problem) return undefined;
    const value = field === 'roles' ? roles.join(',') : values[field];
    return problemText(problem, field, value, 'operators', language, t);
  };

  function change(field: FieldName, value: string) {
    setValues((was) => ({ ...was, [field]: value }));
    setTouched((was) => ({ ...was, [field]: true }));
    setServerProblems((was) => was.filter((p) => fieldOfPath(p.path, FIELDS) !== field));
  }

  async function create(event: FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])));
    if (clientProblems.length > 0) return;
    const result = await call('operators.create', input);
    if (result.ok) {
      setOutcome({ operation: 'operators.create', done: t('operators.created', { login: result.output.login }) });
      setValues({ login: '', displayName: '', password: '' });
      setRoles([]);
      setTouched({});
      return;
    }
    setServerProblems(result.problems ?? []);
    if (!result.problems?.some((p) => fieldOfPath(p.path, FIELDS)))
      setOutcome({ operation: 'operators.create', failure: result });
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

  const control = (field: FieldName, type: string, autoComplete: string) =>
    function Control(c: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) {
      return (
        <input
          {...c}
          name={field}
          type={type}
          autoComplete={autoComplete}
          value={values[field]}
          onChange={(e) => change(field, e.target.value)}
        />
      );
    };

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
        <Field label={t('operators.create.login')} error={errorFor('login')}>
          {control('login', 'text', 'off')}
        </Field>
        <Field label={t('operators.create.displayName')} error={errorFor('displayName')}>
          {control('displayName', 'text', 'off')}
        </Field>
        <Field label={t('operators.create.password')} error={errorFor('password')}>
          {control('password', 'password', 'new-password')}
        </Field>
        <fieldset className="operator-roles" aria-invalid={Boolean(errorFor('roles'))}>
          <legend>{t('operators.create.roles')}</legend>
          {ROLES.map((role) => (
            <label key={role}>
              <input
                type="checkbox"
                checked={roles.includes(role)}
                onChange={(e) => {
                  setRoles((was) => (e.target.checked ? [...was, role] : was.filter((r) => r !== role)));
                  setTouched((was) => ({ ...was, roles: true }));
                }}
              />
              {labelOf(t, 'role', role)}
            </label>
          ))}
          {errorFor('roles') ? (
            <p className="field__error" role="alert">
              {errorFor('roles')}
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
