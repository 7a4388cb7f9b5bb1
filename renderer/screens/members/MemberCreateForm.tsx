import { useMemo, useState, type FormEvent } from 'react';
import { createMemberInput } from '../../../core/api/schemas/members';
import type { FieldProblem } from '../../../core/errors';
import type { CallFailure } from '../../api/client';
import { useSession } from '../../session/session';
import { Field } from '../../components/Field';
import { Refusal } from '../../components/Refusal';
import { fieldOfPath, problemText, schemaProblems } from '../../forms/field-problems';
import { useDraft } from '../../hooks/useDraft';
import { navigate, routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';

const FIELDS = ['kind', 'name', 'nameKana', 'email', 'address'] as const;
type FieldName = (typeof FIELDS)[number];
type Draft = Record<FieldName, string>;
const EMPTY: Draft = { kind: '', name: '', nameKana: '', email: '', address: '' };

/** An empty optional address is left out rather than sent as "". */
function inputOf(draft: Draft): Record<string, string> {
  const { address, ...rest } = draft;
  return address.trim() === '' ? rest : draft;
}

/**
 * Registers a member (R-PARTY-1). Validated as the person types with the catalog's own schema, each problem
 * under its field; the draft survives switching screens.
 */
export function MemberCreateForm() {
  const { t, language } = useI18n();
  const { call } = useSession();
  const [draft, update, clearDraft] = useDraft<Draft>('members.create', EMPTY);
  const [touched, setTouched] = useState<Partial<Record<FieldName, boolean>>>({});
  const [serverProblems, setServerProblems] = useState<FieldProblem[]>([]);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [saving, setSaving] = useState(false);

  const clientProblems = useMemo(() => schemaProblems(createMemberInput, inputOf(draft), FIELDS), [draft]);

  const errorFor = (field: FieldName): string | undefined => {
    const server = serverProblems.find((p) => fieldOfPath(p.path, FIELDS) === field);
    const client = touched[field] ? clientProblems.find((p) => fieldOfPath(p.path, FIELDS) === field) : undefined;
    const problem = server ?? client;
    return problem ? problemText(problem, field, draft[field], 'memberForm', language, t) : undefined;
  };

  function change(field: FieldName, value: string) {
    update({ [field]: value });
    setTouched((was) => ({ ...was, [field]: true }));
    setServerProblems((was) => was.filter((p) => fieldOfPath(p.path, FIELDS) !== field));
  }

  function discard() {
    clearDraft();
    setTouched({});
    setServerProblems([]);
    setFailure(null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(Object.fromEntries(FIELDS.map((f) => [f, true])));
    const input = createMemberInput.safeParse(inputOf(draft));
    if (!input.success) return;
    setSaving(true);
    const result = await call('members.create', input.data);
    setSaving(false);
    if (result.ok) {
      discard();
      return navigate('members', result.output.memberNumber);
    }
    const problems = result.problems ?? [];
    setServerProblems(problems);
    const unplaced = problems.filter((p) => fieldOfPath(p.path, FIELDS) === null);
    setFailure(problems.length === 0 || unplaced.length > 0 ? result : null);
  }

  const text =
    (field: FieldName) =>
    (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => (
      <input
        {...control}
        name={field}
        type={field === 'email' ? 'email' : 'text'}
        value={draft[field]}
        onChange={(e) => change(field, e.target.value)}
      />
    );

  return (
    <section aria-labelledby="member-form-title">
      <p className="back-link">
        <a href={routeHref('members')}>← {t('members.back')}</a>
      </p>
      <h1 id="member-form-title">{t('memberForm.title')}</h1>
      {failure ? <Refusal operation="members.create" failure={failure} /> : null}
      <form className="panel form" onSubmit={submit} noValidate>
        <Field label={t('memberForm.kind')} error={errorFor('kind')}>
          {(control) => (
            <select
              {...control}
              name="kind"
              value={draft.kind}
              onChange={(e) => change('kind', e.target.value)}
              autoFocus
            >
              <option value="" />
              <option value="corporation">{t('members.kind.corporation')}</option>
              <option value="individual">{t('members.kind.individual')}</option>
            </select>
          )}
        </Field>
        <Field label={t('memberForm.name')} error={errorFor('name')}>
          {text('name')}
        </Field>
        <Field label={t('memberForm.nameKana')} error={errorFor('nameKana')} hint={t('memberForm.nameKanaHint')}>
          {text('nameKana')}
        </Field>
        <Field label={t('memberForm.email')} error={errorFor('email')}>
          {text('email')}
        </Field>
        <Field label={t('memberForm.addressOptional')} error={errorFor('address')}>
          {text('address')}
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('memberForm.saving') : t('memberForm.submit')}
          </button>
          <button type="button" className="quiet" onClick={discard}>
            {t('memberForm.cancel')}
          </button>
        </div>
        <p className="muted small">{t('memberForm.draftKept')}</p>
      </form>
    </section>
  );
}
