import { useState } from 'react';
import {
  JOURNAL_TARGETS,
  LEDGER_ACCOUNT_NAMES,
  journalExportInput,
  type AccountMapping,
  type JournalTarget,
  type LedgerAccount,
} from '../../../core/api/schemas/journal';
import type { CallFailure, OperationName, ReceivedFile } from '../../api/client';
import { Field } from '../../components/Field';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDateTime, todayJst } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { SavedFile } from './SavedFile';

/** The journal of a period as 弥生 / freee / マネーフォワード import files, and the account mapping they use. */
export function JournalExport() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const today = todayJst();
  const [target, setTarget] = useState<JournalTarget>('yayoi');
  const [from, setFrom] = useState(`${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [file, setFile] = useState<ReceivedFile | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const mapping = useRead('journal.mapping', { target });
  const current = mapping.data?.current ?? null;
  // Edits belong to the version they started from: another package or a newer version shows its own.
  const version = current ? `${current.target}:${current.version}` : '';
  const [edited, setEdited] = useState<{ version: string; accounts: AccountMapping } | null>(null);
  const draft = edited?.version === version ? edited.accounts : (current?.accounts ?? null);
  const mayExport = mayCall('journal.export');
  const maySave = mayCall('journal.saveMapping');
  const valid = journalExportInput.safeParse({ target, from, to }).success;

  async function exportJournal() {
    setFailure(null);
    setNotice(null);
    const result = await call('journal.export', { target, from, to });
    if (!result.ok) return setFailure({ operation: 'journal.export', failure: result });
    const { entries, rows, mappingVersion } = result.output;
    setNotice(t('journal.exported', { entries, rows, version: mappingVersion }));
    setFile(result.output.file);
  }

  async function save() {
    if (!draft) return;
    setFailure(null);
    setNotice(null);
    const result = await call('journal.saveMapping', { target, accounts: draft });
    if (!result.ok) return setFailure({ operation: 'journal.saveMapping', failure: result });
    setNotice(t('journal.mapping.saved', { version: result.output.version }));
  }

  const edit = (account: LedgerAccount, field: 'account' | 'subAccount' | 'taxCategory', value: string) =>
    draft && setEdited({ version, accounts: { ...draft, [account]: { ...draft[account], [field]: value } } });

  return (
    <section aria-labelledby="journal-title">
      <h2 id="journal-title">{t('journal.title')}</h2>
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      <Notice>{notice}</Notice>
      <form className="panel form form--inline" aria-label={t('journal.title')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('journal.target')}>
          {(control) => (
            <select
              {...control}
              name="target"
              value={target}
              onChange={(e) => (setTarget(e.target.value as JournalTarget), setFile(null))}
            >
              {JOURNAL_TARGETS.map((x) => (
                <option key={x} value={x}>
                  {t(`journal.target.${x}` as const)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('journal.from')}>
          {(control) => (
            <input {...control} type="date" name="from" value={from} onChange={(e) => setFrom(e.target.value)} />
          )}
        </Field>
        <Field label={t('journal.to')}>
          {(control) => <input {...control} type="date" name="to" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
        {mayExport ? (
          <div className="actions">
            <button type="button" disabled={!valid} onClick={() => void exportJournal()}>
              {t('journal.export')}
            </button>
          </div>
        ) : null}
      </form>
      {file ? <SavedFile file={file} /> : null}
      <section className="panel" aria-labelledby="mapping-title">
        <div className="screen-head">
          <h3 id="mapping-title">{t('journal.mapping.title')}</h3>
          {current ? (
            <span className="muted small">
              {current.version === 0
                ? t('journal.mapping.default')
                : t('journal.mapping.version', {
                    version: current.version,
                    at: formatJstDateTime(current.savedAt),
                    by: current.savedBy ?? '',
                  })}
            </span>
          ) : null}
        </div>
        {mapping.failure ? <Refusal operation="journal.mapping" failure={mapping.failure} /> : null}
        {draft ? (
          <table className="table" aria-label={t('journal.mapping.title')}>
            <thead>
              <tr>
                <th>{t('journal.mapping.ours')}</th>
                <th>{t('journal.mapping.account')}</th>
                <th>{t('journal.mapping.subAccount')}</th>
                <th>{t('journal.mapping.taxCategory')}</th>
              </tr>
            </thead>
            <tbody>
              {LEDGER_ACCOUNT_NAMES.map((a) => (
                <tr key={a}>
                  <td>{labelOf(t, 'ledgerAccount', a)}</td>
                  {(['account', 'subAccount', 'taxCategory'] as const).map((field) => (
                    <td key={field}>
                      <input
                        aria-label={`${labelOf(t, 'ledgerAccount', a)} ${t(`journal.mapping.${field}` as const)}`}
                        value={draft[a][field]}
                        readOnly={!maySave}
                        onChange={(e) => edit(a, field, e.target.value)}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        {maySave ? (
          <div className="actions">
            <button type="button" onClick={() => void save()}>
              {t('journal.mapping.save')}
            </button>
          </div>
        ) : (
          <p className="muted small">{t('journal.mapping.adminOnly')}</p>
        )}
      </section>
    </section>
  );
}
