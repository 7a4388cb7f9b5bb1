import { useState } from 'react';
import { Dec } from '../../../core/money';
import type { CallFailure } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { formatYen } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';
import { useRead } from '../../session/useRead';
import { Yen } from '../common/Yen';
import '../common/confirm-step.css';
import './resolve-deposit.css';

interface Part {
  statementNumber: string;
  amount: string;
}

/** Whole yen as people type them: full-width digits and "50,000" become "50000"; anything else stays as typed. */
function yenInput(text: string): string {
  return text.normalize('NFKC').replace(/[,\s¥円]/g, '');
}

const wholeYen = (text: string) => (/^\d+$/.test(text) ? new Dec(text) : null);

/**
 * Issue 14: a queued deposit matched by hand. Search the open bills (payer, member name, amount or statement
 * number), split the deposit over several of them, and keep what is left as the member's credit or refund it;
 * the clerk confirms what will happen before it is written (bank.resolveDeposit).
 */
export function ResolveDeposit({
  deposit,
  onDone,
}: {
  deposit: { depositId: number; amount: string; payer: string };
  onDone: (message: string) => void;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const [query, setQuery] = useState(deposit.payer);
  const [parts, setParts] = useState<Part[]>([]);
  const [rest, setRest] = useState<'credit' | 'refund' | ''>('');
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const found = useRead('bank.openBills', { query: query.trim() });

  const amount = new Dec(deposit.amount);
  const partsTotal = parts.reduce((s, p) => s.plus(wholeYen(p.amount) ?? 0), new Dec(0));
  const left = amount.minus(partsTotal);
  const partsOk = parts.every((p) => wholeYen(p.amount)?.greaterThan(0) ?? false) && !left.isNegative();
  const ready = partsOk && (parts.length > 0 || rest !== '') && (left.isZero() || rest !== '');

  function add(statementNumber: string, owed: string) {
    if (parts.some((p) => p.statementNumber === statementNumber)) return;
    const take = Dec.max(Dec.min(new Dec(owed), left), 0);
    setParts((x) => [...x, { statementNumber, amount: take.toFixed() }]);
    setConfirming(false);
  }

  async function submit() {
    const result = await call('bank.resolveDeposit', {
      depositId: deposit.depositId,
      parts: parts.map((p) => ({ statementNumber: p.statementNumber, amount: yenInput(p.amount) })),
      ...(left.greaterThan(0) && rest !== '' ? { rest } : {}),
    });
    setConfirming(false);
    setFailure(result.ok ? null : result);
    if (result.ok)
      onDone(t('bank.resolved', { credit: formatYen(result.output.credit), refund: formatYen(result.output.refund) }));
  }

  return (
    <div
      className="resolve-deposit"
      aria-label={t('bank.resolveTitle', { amount: formatYen(deposit.amount), payer: deposit.payer })}
    >
      <label className="field">
        {t('bank.searchLabel')}
        <input value={query} onChange={(e) => setQuery(e.target.value)} />
      </label>
      {found.failure ? <Refusal operation="bank.openBills" failure={found.failure} /> : null}
      {found.data && found.data.length === 0 ? <p className="muted">{t('bank.searchNone')}</p> : null}
      {found.data && found.data.length > 0 ? (
        <table className="table open-bills">
          <thead>
            <tr>
              <th>{t('bank.col.statement')}</th>
              <th>{t('bank.col.member')}</th>
              <th>{t('bank.col.owed')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {found.data.map((b) => (
              <tr key={b.statementNumber} data-statement={b.statementNumber}>
                <td className="mono">{b.statementNumber}</td>
                <td>
                  {b.memberName} <span className="muted small">{b.payerKana}</span>
                </td>
                <td>
                  <Yen value={b.amountDue} />
                </td>
                <td>
                  <button
                    type="button"
                    disabled={parts.some((p) => p.statementNumber === b.statementNumber)}
                    onClick={() => add(b.statementNumber, b.amountDue)}
                  >
                    {t('bank.add')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h4>{t('bank.partsTitle')}</h4>
      {parts.length === 0 ? <p className="muted small">{t('bank.partsNone')}</p> : null}
      <ul className="parts">
        {parts.map((p, i) => (
          <li key={p.statementNumber}>
            <span className="mono">{p.statementNumber}</span>{' '}
            <input
              inputMode="numeric"
              aria-label={t('bank.partAmountFor', { statement: p.statementNumber })}
              aria-invalid={wholeYen(yenInput(p.amount)) === null}
              value={p.amount}
              onChange={(e) => {
                const value = yenInput(e.target.value);
                setParts((x) => x.map((q, j) => (j === i ? { ...q, amount: value } : q)));
                setConfirming(false);
              }}
            />{' '}
            <button type="button" className="quiet" onClick={() => setParts((x) => x.filter((_, j) => j !== i))}>
              {t('bank.removePart')}
            </button>
          </li>
        ))}
      </ul>
      <dl className="details resolve-totals">
        <dt>{t('bank.depositAmount')}</dt>
        <dd>
          <Yen value={amount.toFixed()} />
        </dd>
        <dt>{t('bank.partsTotal')}</dt>
        <dd>
          <Yen value={partsTotal.toFixed()} />
        </dd>
        <dt>{t('bank.restAmount')}</dt>
        <dd data-rest={left.toFixed()}>
          <Yen value={left.toFixed()} />
        </dd>
      </dl>
      {left.greaterThan(0) ? (
        <fieldset>
          <legend>{t('bank.restChoice')}</legend>
          {(['credit', 'refund'] as const).map((choice) => (
            <label key={choice}>
              <input
                type="radio"
                name={`rest-${deposit.depositId}`}
                checked={rest === choice}
                onChange={() => {
                  setRest(choice);
                  setConfirming(false);
                }}
              />{' '}
              {t(`bank.rest.${choice}`)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {failure ? <Refusal operation="bank.resolveDeposit" failure={failure} /> : null}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`resolve-confirm-${deposit.depositId}`}>
          <p id={`resolve-confirm-${deposit.depositId}`}>
            {t('bank.resolveConfirm', {
              amount: formatYen(amount.toFixed()),
              count: parts.length,
              parts: formatYen(partsTotal.toFixed()),
              rest: formatYen(left.toFixed()),
              restWord: t(`bank.restWord.${left.isZero() || rest === '' ? 'none' : rest}`),
            })}
          </p>
          <button type="button" className="primary" onClick={() => void submit()}>
            {t('bank.resolveYes')}
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            {t('bank.resolveNo')}
          </button>
        </div>
      ) : (
        <button type="button" className="primary" disabled={!ready} onClick={() => setConfirming(true)}>
          {t('bank.resolveSubmit')}
        </button>
      )}
    </div>
  );
}
