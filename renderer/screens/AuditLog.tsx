import { useState } from 'react';
import { listAuditInput } from '../../core/api/schemas/audit';
import { addDays, formatDate, parseDate } from '../../core/time';
import type { OperationInput, Output } from '../api/client';
import { useRead } from '../session/useRead';
import { Field } from '../components/Field';
import { Pager } from '../components/Pager';
import { Refusal } from '../components/Refusal';
import { formatJstDateTime } from '../format';
import { useDebounced } from '../hooks/useDebounced';
import { useDraft } from '../hooks/useDraft';
import { useI18n, type Language, type Translate } from '../i18n/i18n';
import { ja, type MessageKey } from '../i18n/ja';
import { wordProblem } from '../i18n/problems';
import { labelOf } from '../i18n/labels';

const PAGE_SIZE = 50;

type Filter = { operator: string; operation: string; from: string; to: string };
const NO_FILTER: Filter = { operator: '', operation: '', from: '', to: '' };

/** The filter as audit.list's input: JST days, `to` inclusive (so up to 00:00 JST of the next day). */
function filterInput(f: Filter, page: number): OperationInput<'audit.list'> {
  const input: OperationInput<'audit.list'> = { page, pageSize: PAGE_SIZE };
  if (f.operator.trim()) input.operator = f.operator.trim();
  if (f.operation) input.operation = f.operation;
  const from = parseDate(f.from);
  const to = parseDate(f.to);
  if (from) input.from = `${formatDate(from)}T00:00:00+09:00`;
  if (to) input.to = `${formatDate(addDays(to, 1))}T00:00:00+09:00`;
  return input;
}

/**
 * Every operation a person may filter by, by its name in the screen's language: the dictionary words every
 * operation of the catalog (test/renderer/problem-wording.test.ts), so the list needs no catalog listing.
 */
function operationChoices(t: Translate): { name: string; label: string }[] {
  return (Object.keys(ja) as MessageKey[])
    .filter((key) => key.startsWith('op.'))
    .map((key) => ({ name: key.slice('op.'.length), label: t(key) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'ja'));
}

/** A row's detail: its refusal's code worded; an English detail without a code only on an English screen. */
function auditDetail(row: Output<'audit.list'>['items'][number], language: Language, t: Translate): string {
  if (row.problem) return wordProblem({ ...row.problem, message: row.detail ?? '' }, language);
  return language === 'en' && row.detail ? row.detail : row.detail ? t('audit.detailNone') : '';
}

/** Who did what, when: filterable by operator, operation and JST days, newest first, in pages. */
export function AuditLog() {
  const { t, language } = useI18n();
  const [filter, update, clear] = useDraft<Filter>('audit.filter', NO_FILTER);
  const [page, setPage] = useState(1);
  const settled = useDebounced(filter, 250);
  const input = filterInput(settled, page);
  const operatorBad =
    filter.operator.trim() !== '' && !listAuditInput.safeParse({ operator: filter.operator.trim() }).success;
  const audit = useRead('audit.list', input, { enabled: !operatorBad });
  const change = (patch: Partial<Filter>) => {
    update(patch);
    setPage(1);
  };

  const rows = audit.data?.items ?? null;
  const filtering = Object.values(settled).some((v) => v.trim() !== '');
  const total = audit.data?.total ?? 0;

  return (
    <section aria-labelledby="audit-title">
      <div className="screen-head">
        <h1 id="audit-title">{t('audit.title')}</h1>
        {audit.data ? <span className="muted">{t('audit.count', { count: total })}</span> : null}
      </div>
      {audit.failure ? <Refusal operation="audit.list" failure={audit.failure} /> : null}
      {audit.failure?.kind === 'forbidden' ? null : (
        <form
          className="panel form form--inline audit-filter"
          role="search"
          aria-label={t('audit.filter')}
          onSubmit={(e) => e.preventDefault()}
        >
          <Field label={t('audit.filter.operator')} error={operatorBad ? t('audit.filter.operatorInvalid') : undefined}>
            {(control) => (
              <input
                {...control}
                name="operator"
                value={filter.operator}
                onChange={(e) => change({ operator: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('audit.filter.operation')}>
            {(control) => (
              <select
                {...control}
                name="operation"
                value={filter.operation}
                onChange={(e) => change({ operation: e.target.value })}
              >
                <option value="">{t('audit.filter.any')}</option>
                {operationChoices(t).map((op) => (
                  <option key={op.name} value={op.name}>
                    {op.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('audit.filter.from')}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="from"
                value={filter.from}
                onChange={(e) => change({ from: e.target.value })}
              />
            )}
          </Field>
          <Field label={t('audit.filter.to')}>
            {(control) => (
              <input
                {...control}
                type="date"
                name="to"
                value={filter.to}
                onChange={(e) => change({ to: e.target.value })}
              />
            )}
          </Field>
          <div className="actions">
            <button type="button" className="quiet" onClick={() => (clear(), setPage(1))}>
              {t('common.clear')}
            </button>
          </div>
        </form>
      )}
      {rows && rows.length === 0 ? (
        <p className="muted" role="status">
          {filtering ? t('audit.noMatches') : t('audit.none')}
        </p>
      ) : null}
      {rows && rows.length > 0 ? (
        <>
          <table className="table">
            <thead>
              <tr>
                <th>{t('audit.col.at')}</th>
                <th>{t('audit.col.operator')}</th>
                <th>{t('audit.col.address')}</th>
                <th>{t('audit.col.operation')}</th>
                <th>{t('audit.col.outcome')}</th>
                <th>{t('audit.col.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="mono nowrap">{formatJstDateTime(r.at)}</td>
                  <td>{r.operator || t('audit.noOperator')}</td>
                  <td className="mono nowrap">{r.address ?? t('audit.noAddress')}</td>
                  <td title={r.operation}>{labelOf(t, 'op', r.operation)}</td>
                  <td className={r.outcome === 'ok' ? '' : 'outcome--refused'}>{labelOf(t, 'outcome', r.outcome)}</td>
                  <td className="muted clip">{auditDetail(r, language, t)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager page={page} pageSize={PAGE_SIZE} total={total} onPage={setPage} label={t('audit.pages')} />
        </>
      ) : null}
    </section>
  );
}
