import { useState } from 'react';
import { statementNumber as statementNumberSchema } from '../../../core/api/schemas/prepaid';
import type { CallFailure, CallResult, OperationName } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { Yen } from '../common/Yen';
import { ResolveDeposit } from './ResolveDeposit';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { formatYen } from '../../format';

/** R-RECON-4: deposits the matcher could not settle alone; accounting confirms a target, rematches or dismisses. */
export function ReviewQueue() {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const queue = useRead('bank.reviewQueue', {});
  const [targets, setTargets] = useState<Record<number, string>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [failure, setFailure] = useState<{ operation: OperationName; failure: CallFailure } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [askedDismiss, setAskedDismiss] = useState<number | null>(null);

  function answered(operation: OperationName, result: CallResult<unknown>, message: string | null) {
    setFailure(result.ok ? null : { operation, failure: result });
    if (result.ok) setSaid(message || t('bank.done'));
  }
  const rematchAll = async () => answered('bank.rematch', await call('bank.rematch', {}), null);
  async function confirm(depositId: number, target: string) {
    const result = await call('bank.confirmMatch', { depositId, target: target.toUpperCase() });
    answered('bank.confirmMatch', result, t('bank.confirmed'));
  }
  async function dismiss(depositId: number, reason: string) {
    setAskedDismiss(null);
    const result = await call('bank.dismiss', { depositId, reason });
    answered('bank.dismiss', result, t('bank.dismissed'));
  }
  const [resolving, setResolving] = useState<number | null>(null);

  return (
    <section className="panel" aria-labelledby="review-title">
      <div className="screen-head">
        <h2 id="review-title">{t('bank.reviewTitle')}</h2>
        {mayCall('bank.rematch') ? (
          <button type="button" className="quiet" onClick={() => void rematchAll()}>
            {t('bank.rematchAll')}
          </button>
        ) : null}
      </div>
      <Notice>{said}</Notice>
      {queue.failure ? <Refusal operation="bank.reviewQueue" failure={queue.failure} /> : null}
      {failure ? <Refusal operation={failure.operation} failure={failure.failure} /> : null}
      {queue.data && queue.data.length === 0 ? <p className="muted">{t('bank.reviewNone')}</p> : null}
      {queue.data && queue.data.length > 0 ? (
        <ul className="review-list">
          {queue.data.map((d) => {
            const target = targets[d.depositId] ?? d.candidates.find((c) => !c.taken)?.statementNumber ?? '';
            const targetOk = statementNumberSchema.safeParse(target.toUpperCase()).success;
            const reason = reasons[d.depositId] ?? '';
            return (
              <li key={d.depositId} className="review-item" data-deposit={d.depositId}>
                <div className="review-item__head">
                  <strong>{d.payer || t('common.none')}</strong> <Yen value={d.amount} />{' '}
                  <span className="muted">{formatJstDate(d.valueDate)}</span>{' '}
                  <span className="tag">{labelOf(t, 'reviewState', d.state)}</span>
                </div>
                <p className="small review-reason">{labelOf(t, 'reviewReason', d.reason)}</p>
                <p className="muted small">{t('bank.referenceSmall', { reference: d.bankReference })}</p>
                {d.candidates.length > 0 ? (
                  <p className="small">
                    {t('bank.candidates')}{' '}
                    {d.candidates.map((c) => (
                      <span key={c.statementNumber} className="mono candidate">
                        {c.statementNumber} (<Yen value={c.amountDue} />){c.taken ? ` ${t('bank.taken')}` : ''}
                      </span>
                    ))}
                  </p>
                ) : null}
                {mayCall('bank.confirmMatch') ? (
                  <div className="row-actions">
                    <label>
                      {t('bank.target')}{' '}
                      <input
                        className="mono"
                        aria-label={t('bank.targetFor', { id: d.depositId })}
                        aria-invalid={target !== '' && !targetOk}
                        value={target}
                        list={`candidates-${d.depositId}`}
                        onChange={(e) => setTargets((x) => ({ ...x, [d.depositId]: e.target.value.trim() }))}
                      />
                    </label>
                    <datalist id={`candidates-${d.depositId}`}>
                      {d.candidates.map((c) => (
                        <option key={c.statementNumber} value={c.statementNumber} />
                      ))}
                    </datalist>
                    <button
                      type="button"
                      className="primary"
                      disabled={!targetOk}
                      onClick={() => void confirm(d.depositId, target)}
                    >
                      {t('bank.confirm')}
                    </button>
                    <input
                      aria-label={t('bank.dismissReasonFor', { id: d.depositId })}
                      placeholder={t('deposits.reason')}
                      value={reason}
                      onChange={(e) => setReasons((x) => ({ ...x, [d.depositId]: e.target.value }))}
                    />
                    <button type="button" disabled={!reason.trim()} onClick={() => setAskedDismiss(d.depositId)}>
                      {t('bank.dismiss')}
                    </button>
                  </div>
                ) : null}
                {mayCall('bank.resolveDeposit') ? (
                  <>
                    <button
                      type="button"
                      className="quiet"
                      aria-expanded={resolving === d.depositId}
                      onClick={() => setResolving(resolving === d.depositId ? null : d.depositId)}
                    >
                      {resolving === d.depositId ? t('bank.resolveClose') : t('bank.resolveOpen')}
                    </button>
                    {resolving === d.depositId ? (
                      <ResolveDeposit
                        deposit={d}
                        onDone={(message) => {
                          setResolving(null);
                          setFailure(null);
                          setSaid(message);
                        }}
                      />
                    ) : null}
                  </>
                ) : null}
                {askedDismiss === d.depositId ? (
                  <ConfirmIrreversible
                    title={t('bank.dismiss')}
                    confirmLabel={t('dismissConfirm.button', { id: d.depositId })}
                    onConfirm={() => void dismiss(d.depositId, reason)}
                    onCancel={() => setAskedDismiss(null)}
                  >
                    <p>
                      {t('dismissConfirm.body', {
                        payer: d.payer || t('common.none'),
                        amount: formatYen(d.amount),
                        reason: reason.trim(),
                      })}
                    </p>
                  </ConfirmIrreversible>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
