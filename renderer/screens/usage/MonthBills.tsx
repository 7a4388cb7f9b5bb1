import { useState } from 'react';
import type { CallFailure, ReceivedFile } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { FilePreview } from '../common/FilePreview';
import type { PrintRequest } from '../common/print';
import { Yen } from '../common/Yen';
import { PrintMonthStatements } from './PrintMonthStatements';

/** Which bills a table shows: a closed month's, by account, or one account's, by month. */
export type BillsQuery =
  | { operation: 'billing.listBills'; input: { month: string } }
  | { operation: 'billing.accountBills'; input: { account: string } };

/** A closed month's bills (R-BILL-1, R-TAX-2, R-PRE-9 prepaid offset) and each statement's PDF to preview or save. */
export function MonthBills({ month }: { month: string }) {
  const { t } = useI18n();
  return (
    <BillsPanel
      query={{ operation: 'billing.listBills', input: { month } }}
      title={t('usage.billsOf', { month })}
      titleId="bills-title"
      skip={!/^\d{4}-\d{2}$/.test(month)}
    />
  );
}

/** Bills with their amounts, prepaid offset and statement, as a panel. */
export function BillsPanel({
  query,
  title,
  titleId,
  skip = false,
}: {
  query: BillsQuery;
  title: string;
  titleId: string;
  skip?: boolean;
}) {
  const { t } = useI18n();
  const { call } = useSession();
  const mayCall = useMayCall();
  const byMonth = query.operation === 'billing.accountBills';
  const bills = useRead(query.operation, query.input, { enabled: !skip });
  const [file, setFile] = useState<{ file: ReceivedFile; print: PrintRequest } | null>(null);
  const [failure, setFailure] = useState<CallFailure | null>(null);
  const statements = bills.data?.filter((b) => b.statementNumber).length ?? 0;

  async function open(statementNumber: string) {
    const print: PrintRequest = { operation: 'billing.statementPdf', input: { statementNumber } };
    const result = await call(print.operation, print.input);
    setFailure(result.ok ? null : result);
    if (result.ok) setFile({ file: result.output.file, print });
  }

  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {bills.failure ? <Refusal operation={query.operation} failure={bills.failure} /> : null}
      {failure ? <Refusal operation="billing.statementPdf" failure={failure} /> : null}
      {query.operation === 'billing.listBills' && mayCall('billing.monthStatementsPdf') ? (
        <PrintMonthStatements month={query.input.month} statements={statements} />
      ) : null}
      {bills.data && bills.data.length === 0 ? (
        <p className="muted">{byMonth ? t('members.noBills') : t('usage.noBills')}</p>
      ) : null}
      {bills.data && bills.data.length > 0 ? (
        <table className="table table--money bills-table">
          <thead>
            <tr>
              <th>{byMonth ? t('usage.col.month') : t('usage.col.account')}</th>
              <th>{t('usage.col.method')}</th>
              <th className="num">{t('usage.col.subtotal')}</th>
              <th className="num">{t('usage.col.tax')}</th>
              <th className="num">{t('usage.col.total')}</th>
              <th className="num">{t('usage.col.prepaid')}</th>
              <th className="num">{t('usage.col.due')}</th>
              <th>{t('usage.col.statement')}</th>
              {byMonth ? <th>{t('bill.outstanding')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {bills.data.map((b) => (
              <tr key={`${b.account} ${b.month}`} data-account={b.account} data-month={b.month}>
                <td className="mono">{byMonth ? b.month : b.account}</td>
                <td>{labelOf(t, 'paymentMethod', b.paymentMethod)}</td>
                <td className="num">
                  <Yen value={b.subtotal} />
                </td>
                <td className="num">
                  <Yen value={b.tax} />
                </td>
                <td className="num">
                  <Yen value={b.total} />
                </td>
                <td className="num">
                  <Yen value={b.prepaidApplied} />
                </td>
                <td className="num">
                  <Yen value={b.amountDue} />
                </td>
                <td>
                  {b.statementNumber ? (
                    <button
                      type="button"
                      className="quiet mono"
                      onClick={() => void open(b.statementNumber!)}
                      title={t('usage.dueOn', { date: b.dueOn ? formatJstDate(b.dueOn) : '—' })}
                    >
                      {t('usage.preview', { number: b.statementNumber })}
                    </button>
                  ) : (
                    t('common.none')
                  )}
                </td>
                {byMonth ? (
                  <td className="paid-status">
                    {b.status !== 'final' ? null : b.outstanding === '0' ? (
                      <span className="tag">{t('bill.paid')}</span>
                    ) : (
                      <>
                        <span className="tag">{t('bill.unpaid')}</span> <Yen value={b.outstanding} />
                      </>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {file ? <FilePreview file={file.file} print={file.print} onClose={() => setFile(null)} /> : null}
    </section>
  );
}
