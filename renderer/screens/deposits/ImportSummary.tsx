import type { Output } from '../../api/client';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { Yen } from '../common/Yen';

type Summary = Output<'bank.importReport'>['summary'];
type BankImportOutcome = Output<'bank.importReport'>['lines'][number]['outcome'];

const OUTCOMES: readonly BankImportOutcome[] = ['matched', 'held', 'review', 'unknown', 'cancelled', 'duplicate'];

/** What the table shows of bank.import's answer (a dry run, an import) or of bank.importReport's. */
export interface ImportAnswer {
  message: string;
  summary: Summary;
  lines: {
    record: number;
    reference: string;
    /** bank.importReport's lines carry no date. */
    date?: string;
    payer: string;
    amount: string;
    outcome: BankImportOutcome;
    target: string | null;
    reason: string | null;
  }[];
}

/** What a bank file held, per outcome (R-RECON-5), and its records that need a person (or all, for a report). */
export function ImportSummary({ answer, caption }: { answer: ImportAnswer; caption: string }) {
  const { t, language } = useI18n();
  // bank.importReport's lines carry no date: the column shows only when the lines have one.
  const dated = answer.lines.some((l) => l.date);
  return (
    <div className="import-summary" aria-label={caption} role="region">
      <h3>{caption}</h3>
      {/* The catalog's own sentence is English; in Japanese the table below says the same. */}
      {language === 'en' ? <p className="muted small">{answer.message}</p> : null}
      <table className="table table--compact table--money">
        <thead>
          <tr>
            <th>{t('bank.col.outcome')}</th>
            <th className="num">{t('bank.col.count')}</th>
            <th className="num">{t('bank.col.amount')}</th>
          </tr>
        </thead>
        <tbody>
          {OUTCOMES.map((o) => (
            <tr key={o} data-outcome={o}>
              <td>{labelOf(t, 'bankOutcome', o)}</td>
              <td className="num">{answer.summary[o].count}</td>
              <td className="num">
                <Yen value={answer.summary[o].amount} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('bank.fees')}</th>
            <th />
            <th className="num">
              <Yen value={answer.summary.fees} />
            </th>
          </tr>
        </tfoot>
      </table>
      {answer.lines.length > 0 ? (
        <table className="table table--compact bank-lines">
          <thead>
            <tr>
              <th className="num">{t('bank.col.record')}</th>
              {dated ? <th>{t('bank.col.date')}</th> : null}
              <th>{t('bank.col.payer')}</th>
              <th className="num">{t('bank.col.amount')}</th>
              <th>{t('bank.col.outcome')}</th>
              <th>{t('bank.col.target')}</th>
              <th>{t('bank.col.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.lines.map((l) => (
              <tr key={`${l.record}-${l.reference}`}>
                <td className="num">{l.record}</td>
                {dated ? <td className="nowrap">{formatJstDate(l.date)}</td> : null}
                <td>{l.payer}</td>
                <td className="num">
                  <Yen value={l.amount} />
                </td>
                <td>{labelOf(t, 'bankOutcome', l.outcome)}</td>
                <td className="mono">{l.target || t('common.none')}</td>
                <td className="muted small">{l.reason ? labelOf(t, 'reviewReason', l.reason) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
