import { useEffect, useState } from 'react';
import type { CallResult } from '../api/client';
import { useSession } from '../app/session';
import { ComingPanel } from '../components/ComingPanel';
import { Refusal } from '../components/Refusal';
import { formatJstDateTime } from '../format';
import { useI18n } from '../i18n/i18n';
import { labelOf } from '../i18n/labels';
import { listIn } from './members/member-shape';

type Failure = Extract<CallResult, { ok: false }>;

interface AuditRow {
  key: string;
  at: string;
  operator: string;
  operation: string;
  outcome: string;
  detail: string;
}

/** audit.list answers `{ items: [{ id, at, operator, channel, operation, outcome, detail }], total, ... }`. */
function toAuditRow(v: Record<string, unknown>, index: number): AuditRow {
  const s = (key: string) => (typeof v[key] === 'string' || typeof v[key] === 'number' ? String(v[key]) : '');
  return {
    key: s('id') || String(index),
    at: s('at'),
    operator: s('operator'),
    operation: s('operation'),
    outcome: s('outcome'),
    detail: s('detail'),
  };
}

export function AuditLog() {
  const { t } = useI18n();
  const { call } = useSession();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  useEffect(() => {
    let live = true;
    void call('audit.list', {}).then((result) => {
      if (!live) return;
      if (result.ok) setRows(listIn(result.output, 'items').map(toAuditRow));
      else setFailure(result);
    });
    return () => {
      live = false;
    };
  }, [call]);

  if (failure?.kind === 'unknown_operation') return <ComingPanel screen={t('nav.audit')} />;

  return (
    <section aria-labelledby="audit-title">
      <div className="screen-head">
        <h1 id="audit-title">{t('audit.title')}</h1>
      </div>
      {failure ? <Refusal operation="audit.list" failure={failure} /> : null}
      {rows && rows.length === 0 ? <p className="muted">{t('audit.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>{t('audit.col.at')}</th>
              <th>{t('audit.col.operator')}</th>
              <th>{t('audit.col.operation')}</th>
              <th>{t('audit.col.outcome')}</th>
              <th>{t('audit.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td className="mono nowrap">{formatJstDateTime(r.at)}</td>
                <td>{r.operator || t('audit.noOperator')}</td>
                <td title={r.operation}>{labelOf(t, 'op', r.operation)}</td>
                <td className={r.outcome === 'ok' ? '' : 'outcome--refused'}>{labelOf(t, 'outcome', r.outcome)}</td>
                <td className="muted clip">{r.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
