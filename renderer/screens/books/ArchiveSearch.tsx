import { useState } from 'react';
import { archiveSearchInput } from '../../../core/api/schemas/archive';
import type { CallFailure, OperationInput, OperationName, ReceivedFile } from '../../api/client';
import { Field } from '../../components/Field';
import { Pager } from '../../components/Pager';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { useDebounced } from '../../hooks/useDebounced';
import { useDraft } from '../../hooks/useDraft';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { FilePreview } from '../common/FilePreview';
import { Yen } from '../common/Yen';

const PAGE_SIZE = 50;
const KINDS = ['estimate', 'statement', 'prepaid_notice'] as const;

type Filter = {
  issuedFrom: string;
  issuedTo: string;
  amountMin: string;
  amountMax: string;
  counterparty: string;
  kind: string;
};
const NO_FILTER: Filter = { issuedFrom: '', issuedTo: '', amountMin: '', amountMax: '', counterparty: '', kind: '' };

/** The filled criteria as archive.search's input (an empty field is no criterion). */
function searchInput(f: Filter, page: number): OperationInput<'archive.search'> {
  const input: OperationInput<'archive.search'> = { page, pageSize: PAGE_SIZE };
  if (f.issuedFrom) input.issuedFrom = f.issuedFrom;
  if (f.issuedTo) input.issuedTo = f.issuedTo;
  if (f.amountMin.trim()) input.amountMin = f.amountMin.trim().replaceAll(',', '');
  if (f.amountMax.trim()) input.amountMax = f.amountMax.trim().replaceAll(',', '');
  if (f.counterparty.trim()) input.counterparty = f.counterparty.trim();
  if (f.kind) input.kind = f.kind as (typeof KINDS)[number];
  return input;
}

/** 電子帳簿保存法: issued documents as kept, found by issue date, amount and counterparty in combination. */
export function ArchiveSearch() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const [filter, update, clear] = useDraft<Filter>('archive.filter', NO_FILTER);
  const [page, setPage] = useState(1);
  const [file, setFile] = useState<ReceivedFile | null>(null);
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [verified, setVerified] = useState<string | null>(null);
  const settled = useDebounced(filter, 250);
  const input = searchInput(settled, page);
  const valid = archiveSearchInput.safeParse(input);
  const found = useRead('archive.search', input, { enabled: valid.success });
  const problems = valid.success ? [] : valid.error.issues.map((i) => String(i.path[0]));
  const change = (patch: Partial<Filter>) => {
    update(patch);
    setPage(1);
  };
  const rows = found.data?.items ?? null;
  const total = found.data?.total ?? 0;

  async function open(documentId: number) {
    setFailure(null);
    const result = await call('archive.pdf', { documentId });
    if (!result.ok) return setFailure({ operation: 'archive.pdf', failure: result });
    setFile(result.output.file);
  }

  async function verify() {
    setFailure(null);
    setVerified(null);
    const result = await call('archive.verify', {});
    if (!result.ok) return setFailure({ operation: 'archive.verify', failure: result });
    const v = result.output;
    setVerified(
      v.ok
        ? t('archive.verified', { checked: v.checked })
        : t('archive.verifyFailed', {
            checked: v.checked,
            differing: v.differing.length,
            missing: v.notArchived.length,
          }),
    );
  }

  const text = (name: keyof Filter, label: Parameters<typeof t>[0], type = 'text') => (
    <Field label={t(label)} error={problems.includes(name) ? t('archive.invalid') : undefined}>
      {(control) => (
        <input
          {...control}
          type={type}
          name={name}
          inputMode={name.startsWith('amount') ? 'numeric' : undefined}
          value={filter[name]}
          onChange={(e) => change({ [name]: e.target.value } as Partial<Filter>)}
        />
      )}
    </Field>
  );

  return (
    <section aria-labelledby="archive-title">
      <div className="screen-head">
        <h2 id="archive-title">{t('archive.title')}</h2>
        {found.data ? <span className="muted">{t('archive.count', { count: total })}</span> : null}
        {mayCall('archive.verify') ? (
          <button type="button" className="quiet" onClick={() => void verify()}>
            {t('archive.verify')}
          </button>
        ) : null}
      </div>
      <p className="muted">{t('archive.intro')}</p>
      <Notice>{verified}</Notice>
      {found.failure ? <Refusal operation="archive.search" failure={found.failure} /> : null}
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      <form
        className="panel form form--inline"
        role="search"
        aria-label={t('archive.title')}
        onSubmit={(e) => e.preventDefault()}
      >
        {text('issuedFrom', 'archive.issuedFrom', 'date')}
        {text('issuedTo', 'archive.issuedTo', 'date')}
        {text('amountMin', 'archive.amountMin')}
        {text('amountMax', 'archive.amountMax')}
        {text('counterparty', 'archive.counterparty')}
        <Field label={t('archive.kind')}>
          {(control) => (
            <select {...control} name="kind" value={filter.kind} onChange={(e) => change({ kind: e.target.value })}>
              <option value="">{t('archive.kind.any')}</option>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {labelOf(t, 'docKind', k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="actions">
          <button type="button" className="quiet" onClick={() => (clear(), setPage(1))}>
            {t('common.clear')}
          </button>
        </div>
      </form>
      {file ? <FilePreview file={file} onClose={() => setFile(null)} /> : null}
      {rows && rows.length === 0 ? <p className="muted">{t('archive.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <table className="table table--money" aria-label={t('archive.title')}>
            <thead>
              <tr>
                <th>{t('archive.col.issuedOn')}</th>
                <th>{t('archive.col.kind')}</th>
                <th>{t('archive.col.number')}</th>
                <th>{t('archive.col.counterparty')}</th>
                <th className="num">{t('archive.col.amount')}</th>
                <th>{t('archive.col.sha256')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.documentId}>
                  <td className="mono nowrap">{r.issuedOn}</td>
                  <td>{labelOf(t, 'docKind', r.kind)}</td>
                  <td className="mono">{r.number}</td>
                  <td>
                    {r.counterparty} <span className="muted small">{r.memberNumber}</span>
                  </td>
                  <td className="num">
                    <Yen value={String(r.amount)} />
                  </td>
                  <td className="books-hash" title={r.sha256}>
                    {r.sha256.slice(0, 12)}…
                  </td>
                  <td>
                    <button type="button" className="quiet" onClick={() => void open(r.documentId)}>
                      {t('archive.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} label={t('archive.pages')} />
        </>
      ) : null}
    </section>
  );
}
