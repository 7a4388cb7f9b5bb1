import { useState, type FormEvent } from 'react';
import { creditNoteInput } from '../../../core/api/schemas/billing';
import type { CallFailure } from '../../api/client';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { Refusal } from '../../components/Refusal';
import { Notice } from '../../components/Notice';
import { formatJstDate, formatJstDateTime, formatYen } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { TextField } from '../common/TextField';
import { useSchemaForm } from '../common/useSchemaForm';
import { Yen } from '../common/Yen';

const FIELDS = ['amount', 'reason'] as const;

/** One bill (by its statement number): amounts, payments, credit notes, and a credit note issued on it. */
export function BillPage({ statementNumber }: { statementNumber: string }) {
  const { t } = useI18n();
  const mayCredit = useMayCall()('billing.issueCreditNote');
  const bill = useRead('billing.bill', { statementNumber });
  const b = bill.data;
  return (
    <section aria-labelledby="bill-title">
      <div className="screen-head">
        <h1 id="bill-title">{t('bill.title', { number: statementNumber })}</h1>
        <a href={routeHref('usage', 'months')}>{t('nav.months')}</a>
      </div>
      {bill.failure ? <Refusal operation="billing.bill" failure={bill.failure} /> : null}
      {b ? (
        <>
          <div className="panel">
            <dl className="facts">
              <dt>{t('statements.member')}</dt>
              <dd>
                <a href={routeHref('members', b.memberNumber)}>{b.memberName}</a>{' '}
                <span className="mono muted">{b.memberNumber}</span>
              </dd>
              <dt>{t('statements.account')}</dt>
              <dd className="mono">{b.account}</dd>
              <dt>{t('months.month')}</dt>
              <dd className="mono">{b.month}</dd>
              <dt>{t('statements.method')}</dt>
              <dd>{labelOf(t, 'paymentMethod', b.paymentMethod)}</dd>
              <dt>{t('bill.issuedOn')}</dt>
              <dd>{formatJstDate(b.issuedAt)}</dd>
              <dt>{t('statements.dueOn')}</dt>
              <dd className="mono">{b.dueOn ?? '—'}</dd>
              <dt>{t('bill.total')}</dt>
              <dd>
                <Yen value={b.total} />{' '}
                <span className="muted small">
                  ({t('bill.tax')} <Yen value={b.tax} />)
                </span>
              </dd>
              <dt>{t('months.due')}</dt>
              <dd>
                <Yen value={b.amountDue} />
              </dd>
              <dt>{t('bill.outstanding')}</dt>
              <dd>
                <strong>
                  <Yen value={b.outstanding} />
                </strong>{' '}
                {b.outstanding === '0' ? (
                  <span className="tag">{t('billPaid.paid')}</span>
                ) : (
                  <span className="tag">{t('billPaid.unpaid')}</span>
                )}
              </dd>
            </dl>
          </div>
          <section className="panel" aria-labelledby="bill-payments">
            <h2 id="bill-payments">{t('bill.payments')}</h2>
            {b.payments.length === 0 ? <p className="muted">{t('bill.noPayments')}</p> : null}
            <ul className="plain-list">
              {b.payments.map((p, i) => (
                <li key={i}>
                  {formatJstDateTime(p.receivedAt)} <Yen value={p.amount} /> <span className="muted">{p.method}</span>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="bill-credit-notes">
            <h2 id="bill-credit-notes">{t('bill.creditNotes')}</h2>
            {b.creditNotes.length === 0 ? <p className="muted">{t('bill.noCreditNotes')}</p> : null}
            {b.creditNotes.length > 0 ? (
              <table className="data-table credit-notes">
                <thead>
                  <tr>
                    <th>{t('months.month')}</th>
                    <th className="num">{t('creditNoteForm.amount')}</th>
                    <th className="num">{t('bill.tax')}</th>
                    <th className="num">{t('bill.total')}</th>
                    <th>{t('creditNoteForm.reason')}</th>
                    <th>{t('bill.issuedOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {b.creditNotes.map((c) => (
                    <tr key={c.creditNoteId}>
                      <td className="mono">{c.month}</td>
                      <td className="num">
                        <Yen value={c.subtotal} />
                      </td>
                      <td className="num">
                        <Yen value={c.tax} />
                      </td>
                      <td className="num">
                        <Yen value={c.total} />
                      </td>
                      <td>{c.reason}</td>
                      <td>{formatJstDateTime(c.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            {mayCredit && b.status === 'final' && b.creditableSubtotal !== '0' ? (
              <CreditNoteForm statementNumber={b.statementNumber} left={b.creditableSubtotal} />
            ) : null}
          </section>
        </>
      ) : null}
    </section>
  );
}

function CreditNoteForm({ statementNumber, left }: { statementNumber: string; left: string }) {
  const { t } = useI18n();
  const { call } = useSession();
  const form = useSchemaForm(
    `creditNote.${statementNumber}`,
    creditNoteInput,
    FIELDS,
    { amount: '', reason: '' },
    (d) => ({ statementNumber, amount: d.amount.trim(), reason: d.reason.trim() }),
    'creditNoteForm',
  );
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  function ask(event: FormEvent) {
    event.preventDefault();
    setSaid(null);
    if (form.check()) setAsked(true);
  }

  async function issue() {
    const input = form.check();
    if (!input) return;
    setBusy(true);
    const result = await call('billing.issueCreditNote', input);
    setBusy(false);
    setAsked(false);
    setFailure(form.answer(result));
    if (result.ok) {
      setSaid(t('bill.credited', { total: formatYen(result.output.total), number: statementNumber }));
      form.reset();
    }
  }

  return (
    <form className="form" onSubmit={ask} noValidate aria-labelledby="credit-note-title">
      <h3 id="credit-note-title">{t('bill.issueCreditNote')}</h3>
      <TextField
        form={form}
        field="amount"
        label={t('creditNoteForm.amount')}
        hint={t('bill.creditableLeft', { left: formatYen(left) })}
        inputMode="numeric"
      />
      <TextField form={form} field="reason" label={t('creditNoteForm.reason')} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || asked}>
          {t('bill.issueCreditNote')}
        </button>
      </div>
      {asked ? (
        <ConfirmIrreversible
          title={t('bill.issueCreditNote')}
          confirmLabel={t('bill.confirmCreditNote')}
          busy={busy}
          onConfirm={() => void issue()}
          onCancel={() => setAsked(false)}
        >
          <p>
            {t('bill.creditNoteConfirm', {
              number: statementNumber,
              amount: formatYen(form.draft.amount.trim() || '0'),
            })}
          </p>
        </ConfirmIrreversible>
      ) : null}
      {failure ? <Refusal operation="billing.issueCreditNote" failure={failure} /> : null}
      <Notice>{said}</Notice>
    </form>
  );
}
