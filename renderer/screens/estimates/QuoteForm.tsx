import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { draftEstimateInput, quoteInput } from '../../../core/api/schemas/prepaid';
import type { CallFailure, Output } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { formatYen } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { TextField } from '../common/TextField';
import { useSchemaForm } from '../common/useSchemaForm';
import type { SimulatedLine } from './simulate';

const FIELDS = ['memberNumber', 'subject', 'months', 'validDays', 'repName'] as const;
type Draft = Record<(typeof FIELDS)[number], string>;
const EMPTY: Draft = { memberNumber: '', subject: '', months: '12', validDays: '30', repName: '' };

const whole = (v: string): number | string => (/^[0-9]+$/.test(v.trim()) ? Number(v.trim()) : v);

function quoteOf(d: Draft, lines: SimulatedLine[]): z.input<typeof quoteInput> {
  return {
    months: whole(d.months) as number,
    lines: lines.map((l) => ({ plan: l.plan, count: l.count.trim(), hours: l.hours.trim(), gb: l.gb.trim() })),
  };
}

/**
 * D-PRE-L: a configuration quote. It carries the simulator's lines beside it, priced on the server by the rating
 * core with the tax of R-TAX-4, monthly and for the whole period, and saves them as an estimate draft.
 */
export function QuoteForm({
  lines,
  onDrafted,
}: {
  lines: SimulatedLine[];
  onDrafted: (estimate: Output<'estimates.draft'>) => void;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const toInput = (d: Draft) => ({
    memberNumber: d.memberNumber.trim(),
    validDays: whole(d.validDays),
    ...(d.subject.trim() ? { subject: d.subject } : { subject: 'クラウドサービスご利用料金のお見積り' }),
    ...(d.repName.trim() ? { repName: d.repName } : {}),
    quote: quoteOf(d, lines),
  });
  const form = useSchemaForm('estimates.quote', draftEstimateInput, FIELDS, EMPTY, toInput, 'quote');
  const [priced, setPriced] = useState<Output<'estimates.priceQuote'> | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [busy, setBusy] = useState(false);

  async function price() {
    setBusy(true);
    const result = await call('estimates.priceQuote', quoteOf(form.draft, lines) as z.output<typeof quoteInput>);
    setBusy(false);
    setFailure(result.ok ? null : result);
    setPriced(result.ok ? result.output : null);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = form.check();
    if (!input) return;
    setBusy(true);
    const result = await call('estimates.draft', input);
    setBusy(false);
    setFailure(form.answer(result));
    if (result.ok) {
      form.reset();
      setPriced(null);
      onDrafted(result.output);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} noValidate aria-labelledby="quote-form-title">
      <h2 id="quote-form-title">{t('quote.title')}</h2>
      <p className="muted small">{t('quote.intro')}</p>
      {failure ? <Refusal operation="estimates.draft" failure={failure} /> : null}
      <TextField form={form} field="memberNumber" label={t('quote.memberNumber')} />
      <TextField form={form} field="subject" label={t('quote.subject')} />
      <TextField form={form} field="months" label={t('quote.months')} inputMode="numeric" />
      <TextField form={form} field="validDays" label={t('quote.validDays')} inputMode="numeric" />
      <TextField form={form} field="repName" label={t('quote.repName')} hint={t('estimateForm.repNameHint')} />
      <table className="table table--compact" aria-label={t('quote.title')}>
        <thead>
          <tr>
            <th>{t('quote.plan')}</th>
            <th className="num">{t('quote.count')}</th>
            <th className="num">{t('quote.hours')}</th>
            <th className="num">{t('quote.gb')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td className="mono">{l.plan}</td>
              <td className="num">{l.count}</td>
              <td className="num">{l.hours}</td>
              <td className="num">{l.gb}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {priced ? (
        <div className="quote__figures" aria-live="polite">
          <p>{t(`quote.taxMode.${priced.taxMode}`)}</p>
          <p data-testid="quote-monthly">
            {t('quote.monthly', {
              subtotal: formatYen(priced.monthly.subtotal),
              tax: formatYen(priced.monthly.tax),
              total: formatYen(priced.monthly.total),
            })}
          </p>
          <p data-testid="quote-period">
            {t('quote.period', {
              months: priced.months,
              subtotal: formatYen(priced.period.subtotal),
              tax: formatYen(priced.period.tax),
              total: formatYen(priced.period.total),
            })}
          </p>
        </div>
      ) : null}
      <div className="actions">
        <button type="button" disabled={busy || lines.length === 0} onClick={() => void price()}>
          {t('quote.price')}
        </button>
        <button type="submit" className="primary" disabled={busy || lines.length === 0}>
          {busy ? t('common.working') : t('quote.submit')}
        </button>
      </div>
    </form>
  );
}
