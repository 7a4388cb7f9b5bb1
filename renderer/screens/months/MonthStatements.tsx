import { useState } from 'react';
import type { CallFailure, ReceivedFile } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDateTime } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { FilePreview } from '../common/FilePreview';
import { printDocument, type PrintRequest } from '../common/print';
import { Yen } from '../common/Yen';

type Method = 'bank_transfer' | 'direct_debit' | 'credit_card';
const METHODS: Method[] = ['bank_transfer', 'direct_debit', 'credit_card'];

/**
 * A closed month's statements, all or filtered (payment method, not yet printed or sent), printed in one
 * combined PDF through the print bridge (billing.monthStatementsPdf with the numbers shown), and recorded as
 * printed (D-CLOSE-4: once the PDF went to the print dialog, or was opened for printing in a browser) or sent.
 */
export function MonthStatements({ month }: { month: string }) {
  const { t } = useI18n();
  const { call } = useSession();
  const mayRecord = useMayCall()('billing.recordStatementDeliveries');
  const [method, setMethod] = useState<Method | ''>('');
  const [notYet, setNotYet] = useState(false);
  const list = useRead('billing.monthStatements', {
    month,
    ...(method ? { paymentMethod: method } : {}),
    ...(notYet ? { notYetDelivered: true } : {}),
  });
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ operation: string; failure: CallFailure } | null>(null);
  const [preview, setPreview] = useState<{ file: ReceivedFile; request: PrintRequest } | null>(null);
  const shown = list.data?.statements ?? [];
  const numbers = shown.map((s) => s.statementNumber);

  async function record(how: 'printed' | 'sent') {
    const result = await call('billing.recordStatementDeliveries', { month, statementNumbers: numbers, how });
    if (!result.ok) return setFailure({ operation: 'billing.recordStatementDeliveries', failure: result });
    setSaid(
      t(how === 'printed' ? 'statements.recordedPrinted' : 'statements.recordedSent', {
        count: result.output.recorded,
      }),
    );
  }

  async function print() {
    const request: PrintRequest = {
      operation: 'billing.monthStatementsPdf',
      input: { month, statementNumbers: numbers },
    };
    setBusy(true);
    setSaid(null);
    setFailure(null);
    setPreview(null);
    const started = await printDocument(request, call);
    setBusy(false);
    if (started.kind === 'failed')
      return setFailure({ operation: 'billing.monthStatementsPdf', failure: started.failure });
    if (started.kind === 'dialog' && !started.printed) return setSaid(t('file.printCancelled'));
    if (started.kind === 'preview') setPreview({ file: started.file, request });
    if (mayRecord) await record('printed');
  }

  return (
    <section className="panel" aria-labelledby="month-statements-title">
      <h2 id="month-statements-title">{t('statements.title', { month })}</h2>
      <div className="filters">
        <label>
          {t('statements.method')}
          <select value={method} onChange={(e) => setMethod(e.target.value as Method | '')}>
            <option value="">{t('statements.allMethods')}</option>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {labelOf(t, 'paymentMethod', m)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={notYet} onChange={(e) => setNotYet(e.target.checked)} />
          {t('statements.notYet')}
        </label>
        <span className="muted">{t('statements.count', { count: shown.length })}</span>
      </div>
      {shown.length > 0 && numbers.length <= 1000 ? (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void print()}>
            {t('statements.print', { count: shown.length })}
          </button>
          {mayRecord ? (
            <button type="button" disabled={busy} onClick={() => void record('sent')}>
              {t('statements.markSent', { count: shown.length })}
            </button>
          ) : null}
        </div>
      ) : null}
      <Notice>{said}</Notice>
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      {list.failure ? <Refusal operation="billing.monthStatements" failure={list.failure} /> : null}
      {preview ? (
        <FilePreview file={preview.file} print={preview.request} autoPrint onClose={() => setPreview(null)} />
      ) : null}
      {list.data && shown.length === 0 ? <p className="muted">{t('statements.empty')}</p> : null}
      {shown.length > 0 ? (
        <div className="table-scroll">
          <table className="data-table month-statements">
            <thead>
              <tr>
                <th>{t('statements.number')}</th>
                <th>{t('statements.member')}</th>
                <th>{t('statements.account')}</th>
                <th>{t('statements.method')}</th>
                <th className="num">{t('statements.amount')}</th>
                <th>{t('statements.dueOn')}</th>
                <th>{t('statements.printedAt')}</th>
                <th>{t('statements.sentAt')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.statementNumber} data-statement={s.statementNumber}>
                  <td className="mono">
                    <a href={routeHref('usage', s.statementNumber)}>{s.statementNumber}</a>
                  </td>
                  <td>
                    {s.memberName} <span className="mono muted small">{s.memberNumber}</span>
                  </td>
                  <td className="mono">{s.account}</td>
                  <td>{labelOf(t, 'paymentMethod', s.paymentMethod)}</td>
                  <td className="num">
                    <Yen value={s.amountDue} />
                  </td>
                  <td className="mono">{s.dueOn ?? '—'}</td>
                  <td>{s.printedAt ? formatJstDateTime(s.printedAt) : '—'}</td>
                  <td>{s.sentAt ? formatJstDateTime(s.sentAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
