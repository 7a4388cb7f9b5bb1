import { updateMemberInput } from '../../../core/api/schemas/members';
import type { Output } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { useFormSubmit } from '../common/useFormSubmit';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['name', 'nameKana', 'email', 'address'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
type Member = Output<'members.get'>;

/**
 * Changes a member's name, kana, e-mail or address (R-PARTY-1), validated as typed by the catalog's schema;
 * only what changed is sent, an emptied address is removed.
 */
export function MemberEditForm({ member, onDone }: { member: Member; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const initial: Draft = {
    name: member.name,
    nameKana: member.nameKana,
    email: member.email,
    address: member.address ?? '',
  };
  const inputOf = (d: Draft) => ({
    memberNumber: member.memberNumber,
    ...(d.name !== initial.name ? { name: d.name } : {}),
    ...(d.nameKana !== initial.nameKana ? { nameKana: d.nameKana } : {}),
    ...(d.email !== initial.email ? { email: d.email } : {}),
    ...(d.address !== initial.address ? { address: d.address.trim() === '' ? null : d.address } : {}),
  });
  const form = useSchemaForm(
    `members.update.${member.memberNumber}`,
    updateMemberInput,
    FIELDS,
    initial,
    inputOf,
    'memberForm',
  );

  const {
    submit,
    sending: saving,
    failure,
  } = useFormSubmit(form, 'members.update', () => {
    form.reset();
    onDone(true);
  });

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="member-edit-title">
      <h2 id="member-edit-title">{t('memberEdit.title')}</h2>
      {failure ? <Refusal operation="members.update" failure={failure} /> : null}
      <TextField form={form} field="name" label={t('memberForm.name')} autoFocus />
      <TextField form={form} field="nameKana" label={t('memberForm.nameKana')} hint={t('memberForm.nameKanaHint')} />
      <TextField form={form} field="email" label={t('memberForm.email')} type="email" />
      <TextField form={form} field="address" label={t('memberForm.addressOptional')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.working') : t('memberEdit.save')}
        </button>
        <button
          type="button"
          className="quiet"
          onClick={() => {
            form.reset();
            onDone(false);
          }}
        >
          {t('memberEdit.cancel')}
        </button>
      </div>
    </form>
  );
}
