import { useState, type FormEvent } from 'react';
import { resetPasswordInput } from '../../../core/api/schemas/operators';
import type { FieldProblem } from '../../../core/errors';
import type { CallFailure, OperationName } from '../../api/client';
import { Field } from '../../components/Field';
import { fieldOfPath, problemText, schemaProblems } from '../../forms/field-problems';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

interface Result {
  operation: OperationName;
  failure?: CallFailure;
  done?: string;
}

/** The admin types a temporary password for an operator; the operator replaces it at their next sign-in (D-SEC-6). */
export function ResetPasswordForm({ login, onDone }: { login: string; onDone(result: Result | null): void }) {
  const { t, language } = useI18n();
  const { call } = useSession();
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);

  const problems = schemaProblems(resetPasswordInput, { login, password }, ['password']);
  const problem = serverProblems[0] ?? (touched ? problems[0] : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (problems.length > 0) return;
    const result = await call('operators.resetPassword', { login, password });
    if (result.ok) return onDone({ operation: 'operators.resetPassword', done: t('operators.reset.done', { login }) });
    const mine = (result.problems ?? []).filter((p) => fieldOfPath(p.path, ['password']));
    if (mine.length > 0) setServerProblems(mine);
    else onDone({ operation: 'operators.resetPassword', failure: result });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="reset-password-title">
      <h2 id="reset-password-title">{t('operators.reset.title', { login })}</h2>
      <Field
        label={t('operators.reset.password')}
        error={problem ? problemText(problem, 'password', password, 'operators', language, t) : undefined}
      >
        {(c) => (
          <input
            {...c}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => {
              setPassword(e.target.value);
              setTouched(true);
              setServerProblems([]);
            }}
            autoFocus
          />
        )}
      </Field>
      <div className="actions">
        <button type="submit" className="primary">
          {t('operators.reset.submit')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('operators.reset.cancel')}
        </button>
      </div>
    </form>
  );
}
