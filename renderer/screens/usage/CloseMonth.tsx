import { useEffect, useState, type FormEvent } from 'react';
import { closeMonthInput } from '../../../core/api/schemas/billing';
import { useSession } from '../../session/session';
import { nowMs } from '../../clock';
import { addMonths, jstToday, monthOfDate } from '../../../core/time';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import type { CallFailure } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../common/TextField';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { formatYen } from '../../format';
import type { Output } from '../../api/client';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['month'] as const;
const inputOf = (d: { month: string }) => ({ month: d.month.trim() });

/** Last month in JST, `2026-10`: the month a close is usually for. */
function lastMonth(now = nowMs()): string {
  return addMonths(monthOfDate(jstToday(now)), -1).key;
}

/** Accounts billed by the first step; later steps take a twentieth of the month (at least as many). */
const FIRST_STEP = 250;

/**
 * The month close (billing.closeMonth) in steps: each call bills at most `maxAccounts` accounts in its own
 * transaction and answers how many of the month's bills are made, so the bar shows real progress and the screen
 * stays usable. Interrupted (a closed window), the close goes on from where it stopped at the next run.
 */
export function CloseMonth({ month, onClosed }: { month: string; onClosed: (month: string) => void }) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useSchemaForm(
    'billing.closeMonth',
    closeMonthInput,
    FIELDS,
    { month: month || lastMonth() },
    inputOf,
    'closeForm',
  );
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const [lateSaid, setLateSaid] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [preview, setPreview] = useState<Output<'billing.closePreview'> | null>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - startedAt) / 1000)), 250);
    return () => clearInterval(timer);
  }, [startedAt]);

  /** Issue 14: the close is irreversible, so first what it makes is named (billing.closePreview) and confirmed. */
  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input || startedAt !== null || checking) return;
    setSaid(null);
    setLateSaid(null);
    setChecking(true);
    const result = await call('billing.closePreview', { month: input.month });
    setChecking(false);
    setFailure(form.answer(result));
    if (!result.ok) return;
    if (result.output.state === 'closed') return void close();
    setPreview(result.output);
  }

  async function close() {
    const input = form.check();
    if (!input || startedAt !== null) return;
    setPreview(null);
    setSaid(null);
    setElapsed(0);
    setProgress(null);
    setStartedAt(Date.now());
    let step = FIRST_STEP;
    for (;;) {
      const result = await call('billing.closeMonth', { ...input, maxAccounts: step });
      if (!result.ok || result.output.finished) {
        setStartedAt(null);
        setFailure(form.answer(result));
        if (result.ok) {
          const { alreadyClosed, bills, late } = result.output;
          setSaid(t(alreadyClosed ? 'usage.alreadyClosed' : 'usage.closedBills', { month: input.month, bills }));
          setLateSaid(late ? t('usage.closedLate', late) : null);
          onClosed(input.month);
        }
        return;
      }
      const { done, bills } = result.output;
      setProgress({ done, total: bills });
      step = Math.max(FIRST_STEP, Math.ceil(bills / 20));
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="close-title">
      <h2 id="close-title">{t('usage.closeTitle')}</h2>
      <TextField form={form} field="month" label={t('closeForm.month')} hint={t('closeForm.monthHint')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={startedAt !== null || checking || preview !== null}>
          {checking ? t('closeConfirm.checking') : t('usage.closeSubmit')}
        </button>
      </div>
      {preview ? (
        <ConfirmIrreversible
          title={t('closeConfirm.title', { month: preview.month })}
          confirmLabel={t('closeConfirm.confirm', { month: preview.month })}
          onConfirm={() => void close()}
          onCancel={() => setPreview(null)}
        >
          <p>
            {t('closeConfirm.body', { month: preview.month, bills: preview.bills, total: formatYen(preview.total) })}
          </p>
          {preview.late ? <p>{t('closeConfirm.late', preview.late)}</p> : null}
        </ConfirmIrreversible>
      ) : null}
      {startedAt !== null ? (
        <div className="close-progress">
          <progress
            aria-label={t('usage.closing', { month: form.draft.month })}
            {...(progress ? { value: progress.done, max: progress.total } : {})}
          />
          <span className="progress__label" role="status">
            {t('usage.closing', { month: form.draft.month })} {progress ? t('usage.closeProgress', progress) : null}{' '}
            {t('usage.elapsed', { seconds: elapsed })}
          </span>
        </div>
      ) : null}
      {failure ? <Refusal operation="billing.closeMonth" failure={failure} /> : null}
      <Notice>{said}</Notice>
      {lateSaid ? <div className="notice notice--warn late-close">{lateSaid}</div> : null}
    </form>
  );
}
