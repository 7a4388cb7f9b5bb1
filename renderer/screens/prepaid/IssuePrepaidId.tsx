import { useState, type FormEvent } from 'react';
import { issuePrepaidIdInput } from '../../../core/api/schemas/prepaid';
import { useSession } from '../../session/session';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { FilePreview } from '../common/FilePreview';
import { fileIn, type ReceivedFile } from '../common/pdf-file';
import { obj, str } from '../common/read';
import { TextField } from '../common/TextField';
import type { Failure } from '../common/useOperation';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['statementNumber'] as const;
const inputOf = (d: { statementNumber: string }) => ({ statementNumber: d.statementNumber.trim() });

/**
 * R-PRE-2, R-PRE-3: the prepaid ID of a paid statement. The code itself is only in the notice returned with the
 * issuance, once (only a keyed hash is stored), so the notice is shown right here with a clear warning.
 */
export function IssuePrepaidId({ onIssued }: { onIssued: () => void }) {
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
  const [failure, setFailure] = useState<Failure | null>(null);
  const [issued, setIssued] = useState<{
    outcome: string;
    hint: string;
    deadline: string;
    late: boolean;
    notice: ReceivedFile | null;
    noticeNumber: string;
  } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check()) return;
    const result = await call('prepaid.issueId', inputOf(form.draft));
    setFailure(form.answer(result));
    if (!result.ok) return;
    const o = obj(result.output);
    setIssued({
      outcome: str(o, 'outcome'),
      hint: str(o, 'codeHint'),
      deadline: formatJstDate(str(o, 'registrationDeadline')),
      late: o.late === true,
      notice: fileIn(o),
      noticeNumber: str(o, 'noticeNumber'),
    });
    form.reset();
    onIssued();
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
              {t('prepaid.codeHint', { hint: issued.hint, deadline: issued.deadline })}
            </p>
          ) : (
            <p className="notice">{t('prepaid.alreadyIssued', { hint: issued.hint })}</p>
          )}
          {issued.late ? <p className="outcome--refused">{t('prepaid.issuedLate')}</p> : null}
          {issued.notice ? (
            <FilePreview
              file={issued.notice}
              print={{ operation: 'prepaid.noticePdf', input: { noticeNumber: issued.noticeNumber } }}
              onClose={() => setIssued({ ...issued, notice: null })}
            />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
