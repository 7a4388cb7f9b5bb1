import { useEffect, useState, type FormEvent } from 'react';
import { closeMonthInput } from '../../../core/api/schemas/billing';
import { useSession } from '../../app/session';
import { Refusal } from '../../components/Refusal';
import { useI18n } from '../../i18n/i18n';
import { obj, str } from '../common/read';
import { TextField } from '../common/TextField';
import type { Failure } from '../common/useOperation';
import { useSchemaForm } from '../common/useSchemaForm';

const FIELDS = ['month'] as const;
const inputOf = (d: { month: string }) => ({ month: d.month.trim() });

/** Last month in JST, `2026-10`: the month a close is usually for. */
function lastMonth(now = Date.now()): string {
  const jst = new Date(now + 9 * 3_600_000);
  const y = jst.getUTCFullYear();
  const m = jst.getUTCMonth();
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

/**
 * The month close (billing.closeMonth): one call that may take long. The screen stays usable while it runs; the
 * operation reports no progress of its own, so the bar runs with the seconds elapsed until the answer comes.
 */
export function CloseMonth({ month, onClosed }: { month: string; onClosed: (month: string) => void }) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useSchemaForm('billing.closeMonth', closeMonthInput, FIELDS, { month: month || lastMonth() }, inputOf, 'closeForm');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const [said, setSaid] = useState<string | null>(null);

  useEffect(() => {
    if (startedAt === null) return;
    const timer = setInterval(() => setElapsed(Math.floor((Date.now() - startedAt) / 1000)), 250);
    return () => clearInterval(timer);
  }, [startedAt]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!form.check() || startedAt !== null) return;
    const input = inputOf(form.draft);
    setSaid(null);
    setElapsed(0);
    setStartedAt(Date.now());
    const result = await call('billing.closeMonth', input);
    setStartedAt(null);
    setFailure(form.answer(result));
    if (result.ok) {
      setSaid(str(obj(result.output), 'message') || t('usage.closed', { month: input.month }));
      onClosed(input.month);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="close-title">
      <h2 id="close-title">{t('usage.closeTitle')}</h2>
      <TextField form={form} field="month" label={t('closeForm.month')} hint={t('closeForm.monthHint')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={startedAt !== null}>
          {t('usage.closeSubmit')}
        </button>
      </div>
      {startedAt !== null ? (
        <div className="progress" role="progressbar" aria-label={t('usage.closing', { month: form.draft.month })} aria-busy="true" aria-valuetext={t('usage.elapsed', { seconds: elapsed })}>
          <div className="progress__bar" />
          <span className="progress__label">
            {t('usage.closing', { month: form.draft.month })} {t('usage.elapsed', { seconds: elapsed })}
          </span>
        </div>
      ) : null}
      {failure ? <Refusal operation="billing.closeMonth" failure={failure} /> : null}
      {said ? (
        <p className="notice" role="status">
          {said}
        </p>
      ) : null}
    </form>
  );
}
