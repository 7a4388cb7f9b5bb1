import { useState } from 'react';
import { LEDGER_ACCOUNT_NAMES, type LedgerAccount } from '../../../core/api/schemas/journal';
import type { CallFailure, ReceivedFile } from '../../api/client';
import { Field } from '../../components/Field';
import { Refusal } from '../../components/Refusal';
import { todayJst } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { FilePreview } from '../common/FilePreview';
import { fileInput, REPORTS, type ReportKind, type ReportParams } from './report-params';
import { ReportView } from './ReportView';
import { SavedFile } from './SavedFile';

/** Trial balance, general ledger, sales, prepaid liability and aged receivables: on screen, as CSV or PDF. */
export function Reports() {
  const { t } = useI18n();
  const { call } = useSession();
  const today = todayJst();
  const year = today.slice(0, 4);
  const [params, setParams] = useState<ReportParams>({
    kind: 'sales',
    from: `${today.slice(0, 7)}-01`,
    to: today,
    fromMonth: `${year}-01`,
    toMonth: today.slice(0, 7),
    account: 'receivables',
    asOf: today,
  });
  const [file, setFile] = useState<ReceivedFile | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const set = (patch: Partial<ReportParams>) => (setParams({ ...params, ...patch }), setFile(null));

  async function save(format: 'csv' | 'pdf') {
    setFailure(null);
    const result = await call('reports.file', fileInput(params, format));
    if (!result.ok) return setFailure(result);
    setFile(result.output.file);
  }

  const date = (name: 'from' | 'to' | 'asOf', label: Parameters<typeof t>[0]) => (
    <Field label={t(label)}>
      {(control) => (
        <input
          {...control}
          type="date"
          name={name}
          value={params[name]}
          onChange={(e) => set({ [name]: e.target.value } as Partial<ReportParams>)}
        />
      )}
    </Field>
  );
  const month = (name: 'fromMonth' | 'toMonth', label: Parameters<typeof t>[0]) => (
    <Field label={t(label)}>
      {(control) => (
        <input
          {...control}
          type="month"
          name={name}
          value={params[name]}
          onChange={(e) => set({ [name]: e.target.value } as Partial<ReportParams>)}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{t('reports.title')}</h2>
      <form className="panel form form--inline" aria-label={t('reports.title')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('reports.kind')}>
          {(control) => (
            <select
              {...control}
              name="kind"
              value={params.kind}
              onChange={(e) => set({ kind: e.target.value as ReportKind })}
            >
              {REPORTS.map((r) => (
                <option key={r} value={r}>
                  {t(`reports.kind.${r}` as const)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {params.kind === 'generalLedger' ? (
          <Field label={t('reports.account')}>
            {(control) => (
              <select
                {...control}
                name="account"
                value={params.account}
                onChange={(e) => set({ account: e.target.value as LedgerAccount })}
              >
                {LEDGER_ACCOUNT_NAMES.map((a) => (
                  <option key={a} value={a}>
                    {t(`ledgerAccount.${a}` as const)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {params.kind === 'trialBalance' || params.kind === 'generalLedger' ? (
          <>
            {date('from', 'reports.from')}
            {date('to', 'reports.to')}
          </>
        ) : null}
        {params.kind === 'sales' ? (
          <>
            {month('fromMonth', 'reports.fromMonth')}
            {month('toMonth', 'reports.toMonth')}
          </>
        ) : null}
        {params.kind === 'aging' ? date('asOf', 'reports.asOf') : null}
        <div className="actions">
          <button type="button" onClick={() => void save('csv')}>
            {t('reports.csv')}
          </button>
          <button type="button" onClick={() => void save('pdf')}>
            {t('reports.pdf')}
          </button>
        </div>
      </form>
      {failure ? <Refusal operation="reports.file" failure={failure} /> : null}
      {file && file.name.endsWith('.pdf') ? <FilePreview file={file} onClose={() => setFile(null)} /> : null}
      {file && file.name.endsWith('.csv') ? <SavedFile file={file} /> : null}
      <ReportView params={params} />
    </section>
  );
}
