import { useState, type FormEvent } from 'react';
import { issuePrepaidIdInput } from '../../../core/api/schemas/prepaid';
import type { CallFailure, Output, ReceivedFile } from '../../api/client';
import { useSession } from '../../session/session';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { FilePreview } from '../common/FilePreview';
import { TextField } from '../common/TextField';
import { useSchemaForm } from '../common/useSchemaForm';
import './issue-id.css';

const FIELDS = ['statementNumber'] as const;
const inputOf = (d: { statementNumber: string }) => ({ statementNumber: d.statementNumber.trim() });

/**
 * R-PRE-2, R-PRE-3: the prepaid ID of a paid statement. The code itself is only in the notice returned with the
 * issuance, once (only a keyed hash is stored), so the notice is shown right here with a clear warning.
 */
export function IssuePrepaidId() {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useSchemaForm(
    'prepaid.issueId',
    issuePrepaidIdInput,
    FIELDS,
    { statementNumber: '' },
    inputOf,
    'prepaidForm',
  );
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [issued, setIssued] = useState<Output<'prepaid.issueId'> | null>(null);
  const [notice, setNotice] = useState<ReceivedFile | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input) return;
    const result = await call('prepaid.issueId', input);
    setFailure(form.answer(result));
    if (!result.ok) return;
    setIssued(result.output);
    setNotice(result.output.file);
    form.reset();
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="issue-id-title">
      <h2 id="issue-id-title">{t('prepaid.issueTitle')}</h2>
      {failure ? <Refusal operation="prepaid.issueId" failure={failure} /> : null}
      <TextField
        form={form}
        field="statementNumber"
        label={t('prepaidForm.statementNumber')}
        hint={t('prepaidForm.statementNumberHint')}
      />
      <div className="actions">
        <button type="submit" className="primary">
          {t('prepaid.issueSubmit')}
        </button>
      </div>
      {issued ? (
        <div className="issued-code" role="status">
          {issued.outcome === 'issued' ? (
            <p className="notice notice--warn">
              <strong>{t('prepaid.codeOnce')}</strong>{' '}
              {t('prepaid.codeHint', {
                hint: issued.codeHint,
                deadline: formatJstDate(issued.registrationDeadline),
              })}
            </p>
          ) : (
            <p className="notice">{t('prepaid.alreadyIssued', { hint: issued.codeHint })}</p>
          )}
          {issued.late ? <p className="outcome--refused">{t('prepaid.issuedLate')}</p> : null}
          {notice ? (
            <FilePreview
              file={notice}
              print={{ operation: 'prepaid.noticePdf', input: { noticeNumber: issued.noticeNumber } }}
              onClose={() => setNotice(null)}
            />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
