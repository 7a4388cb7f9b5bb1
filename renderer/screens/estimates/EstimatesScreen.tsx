import { useCallback, useState } from 'react';
import type { CallFailure, CallResult, OperationName, ReceivedFile } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { FilePreview } from '../common/FilePreview';
import type { PrintRequest } from '../common/print';
import { Yen } from '../common/Yen';
import { CostSimulator } from './CostSimulator';
import { EstimateDraftForm } from './EstimateDraftForm';
import { QuoteForm } from './QuoteForm';
import type { SimulatedLine } from './simulate';
import './estimates.css';

/** What may still be cancelled (core/prepaid cancelEstimate): before the member has paid. */
const CANCELLABLE: readonly string[] = ['draft', 'issued', 'expired', 'billed'];

/** Estimates (R-PRE-1, R-PRE-2): the list, a draft form with the cost simulator beside it, issue, PDF, statement. */
export function EstimatesScreen() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const estimates = useRead('estimates.list', {});
  const [amount, setAmount] = useState('');
  const [file, setFile] = useState<{ file: ReceivedFile; print: PrintRequest } | null>(null);
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const onAmount = useCallback((value: string) => setAmount(value), []);
  const [lines, setLines] = useState<SimulatedLine[]>([]);
  const onLines = useCallback((value: SimulatedLine[]) => setLines(value), []);
  // The draft form quotes either an amount of prepaid credit or the simulator's configuration (D-PRE-L).
  const [quoting, setQuoting] = useState(false);

  /** One action on an estimate: busy while it runs, its refusal shown, `done` with its output. */
  async function act<T>(operation: OperationName, run: () => Promise<CallResult<T>>, done: (output: T) => void) {
    setBusy(operation);
    setFailure(null);
    setNotice(null);
    const result = await run();
    setBusy(null);
    if (!result.ok) return setFailure({ operation, failure: result });
    done(result.output);
  }

  const issue = (estimateNumber: string) =>
    act(
      'estimates.issue',
      () => call('estimates.issue', { estimateNumber }),
      () => setNotice(t('estimates.issued', { number: estimateNumber })),
    );
  const toPrepaid = (estimateNumber: string) =>
    act(
      'estimates.toPrepaid',
      () => call('estimates.toPrepaid', { estimateNumber }),
      (made) => setNotice(t('quote.converted', { from: estimateNumber, number: made.estimateNumber })),
    );
  const cancel = (estimateNumber: string) =>
    act(
      'estimates.cancel',
      () => call('estimates.cancel', { estimateNumber }),
      () => (setCancelling(null), setNotice(t('estimates.cancelled', { number: estimateNumber }))),
    );
  // An issued prepaid statement, opened again as it was issued (to resend or print it).
  const statementPdf = (statementNumber: string) =>
    act(
      'prepaid.statementPdf',
      () => call('prepaid.statementPdf', { statementNumber }),
      (output) =>
        setFile({ file: output.file, print: { operation: 'prepaid.statementPdf', input: { statementNumber } } }),
    );
  const pdf = (estimateNumber: string) =>
    act(
      'estimates.pdf',
      () => call('estimates.pdf', { estimateNumber }),
      (output) => setFile({ file: output.file, print: { operation: 'estimates.pdf', input: { estimateNumber } } }),
    );
  // The statement just issued is shown at once, to be saved or sent; its notice stays up meanwhile.
  const statement = (estimateNumber: string) =>
    act(
      'prepaid.issueStatement',
      () => call('prepaid.issueStatement', { estimateNumber }),
      ({ statementNumber, dueDate }) => {
        setNotice(t('estimates.statementIssued', { number: statementNumber, due: dueDate ?? '—' }));
        const print: PrintRequest = { operation: 'prepaid.statementPdf', input: { statementNumber } };
        void call(print.operation, print.input).then((result) => {
          if (result.ok) setFile({ file: result.output.file, print });
          else setFailure({ operation: print.operation, failure: result });
        });
      },
    );

  return (
    <section aria-labelledby="estimates-title">
      <div className="screen-head">
        <h1 id="estimates-title">{t('estimates.title')}</h1>
        {mayCall('estimates.draft') ? (
          <button type="button" aria-pressed={quoting} onClick={() => setQuoting(!quoting)}>
            {quoting ? t('quote.back') : t('quote.open')}
          </button>
        ) : null}
      </div>
      <div className="columns">
        {mayCall('estimates.draft') && !quoting ? (
          <EstimateDraftForm
            onAmount={onAmount}
            onDrafted={(e) => setNotice(t('estimates.drafted', { number: e.estimateNumber }))}
          />
        ) : null}
        {mayCall('estimates.draft') && quoting ? (
          <QuoteForm lines={lines} onDrafted={(e) => setNotice(t('quote.drafted', { number: e.estimateNumber }))} />
        ) : null}
        <CostSimulator prepaid={quoting ? '' : amount} onLines={onLines} />
      </div>
      <Notice>{notice}</Notice>
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      {file ? <FilePreview file={file.file} print={file.print} onClose={() => setFile(null)} /> : null}
      <div className="panel">
        <h2>{t('estimates.list')}</h2>
        {estimates.failure ? <Refusal operation="estimates.list" failure={estimates.failure} /> : null}
        {estimates.data && estimates.data.length === 0 ? <p className="muted">{t('estimates.none')}</p> : null}
        {estimates.data && estimates.data.length > 0 ? (
          <table className="table estimates-table">
            <thead>
              <tr>
                <th>{t('estimates.col.number')}</th>
                <th>{t('estimates.col.member')}</th>
                <th className="num">{t('estimates.col.amount')}</th>
                <th>{t('estimates.col.status')}</th>
                <th>{t('estimates.col.validUntil')}</th>
                <th>{t('estimates.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {estimates.data.map((e) => (
                <tr key={e.estimateNumber} data-estimate={e.estimateNumber}>
                  <td className="mono nowrap">
                    {e.estimateNumber}
                    {e.quote ? <span className="tag small"> {t('quote.kind')}</span> : null}
                  </td>
                  <td>
                    <a href={routeHref('members', e.memberNumber)}>{e.memberName}</a>{' '}
                    <span className="mono muted small nowrap">{e.memberNumber}</span>
                  </td>
                  <td className="num">
                    <Yen value={e.amount} />
                  </td>
                  <td className="nowrap">{labelOf(t, 'estimateStatus', e.status)}</td>
                  <td className="nowrap">{e.validUntil ? formatJstDate(e.validUntil) : t('common.none')}</td>
                  <td className="row-actions">
                    {e.status === 'draft' && mayCall('estimates.issue') ? (
                      <button type="button" disabled={busy !== null} onClick={() => void issue(e.estimateNumber)}>
                        {t('estimates.issue')}
                      </button>
                    ) : null}
                    {e.status === 'issued' && e.quote && mayCall('estimates.toPrepaid') ? (
                      <button type="button" disabled={busy !== null} onClick={() => void toPrepaid(e.estimateNumber)}>
                        {t('quote.toPrepaid')}
                      </button>
                    ) : null}
                    {e.status === 'issued' && !e.quote && mayCall('prepaid.issueStatement') ? (
                      <button type="button" disabled={busy !== null} onClick={() => void statement(e.estimateNumber)}>
                        {t('estimates.issueStatement')}
                      </button>
                    ) : null}
                    {e.status !== 'cancelled' ? (
                      <button
                        type="button"
                        className="quiet"
                        disabled={busy !== null}
                        onClick={() => void pdf(e.estimateNumber)}
                      >
                        {t('estimates.pdf')}
                      </button>
                    ) : null}
                    {e.statementNumber && e.status !== 'cancelled' && mayCall('prepaid.statementPdf') ? (
                      <button
                        type="button"
                        className="quiet"
                        disabled={busy !== null}
                        onClick={() => void statementPdf(e.statementNumber!)}
                      >
                        {t('estimates.statementPdf', { number: e.statementNumber })}
                      </button>
                    ) : null}
                    {CANCELLABLE.includes(e.status) && mayCall('estimates.cancel') ? (
                      cancelling === e.estimateNumber ? (
                        <span
                          className="confirm-inline"
                          role="group"
                          aria-label={t('estimates.cancelConfirm', { number: e.estimateNumber })}
                        >
                          <span className="small">{t('estimates.cancelConfirm', { number: e.estimateNumber })}</span>{' '}
                          <button
                            type="button"
                            className="danger"
                            disabled={busy !== null}
                            onClick={() => void cancel(e.estimateNumber)}
                          >
                            {t('estimates.cancelYes')}
                          </button>
                          <button type="button" className="quiet" onClick={() => setCancelling(null)}>
                            {t('estimates.cancelNo')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="quiet"
                          disabled={busy !== null}
                          onClick={() => setCancelling(e.estimateNumber)}
                        >
                          {t('estimates.cancel')}
                        </button>
                      )
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
    </section>
  );
}
