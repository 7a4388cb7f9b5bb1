import { useState } from 'react';
import { useSession } from '../../app/session';
import { Refusal } from '../../components/Refusal';
import { formatJstDate } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { FilePreview } from '../common/FilePreview';
import { fileIn, type ReceivedFile } from '../common/pdf-file';
import { list, str } from '../common/read';
import { useOperation, type Failure } from '../common/useOperation';
import { Yen } from '../common/Yen';

const billsIn = (output: unknown) =>
  list(output).map((v) => ({
    account: str(v, 'account'),
    status: str(v, 'status'),
    paymentMethod: str(v, 'paymentMethod'),
    subtotal: str(v, 'subtotal'),
    tax: str(v, 'tax'),
    total: str(v, 'total'),
    prepaidApplied: str(v, 'prepaidApplied'),
    amountDue: str(v, 'amountDue'),
    statementNumber: str(v, 'statementNumber'),
    issuedOn: str(v, 'issuedOn'),
    dueOn: str(v, 'dueOn'),
  }));

/** A closed month's bills (R-BILL-1, R-TAX-2, R-PRE-9 prepaid offset) and each statement's PDF to preview or save. */
export function MonthBills({ month, refresh }: { month: string; refresh: number }) {
  const { t } = useI18n();
  const { call } = useSession();
  const bills = useOperation('billing.listBills', { month }, billsIn, { refresh, skip: !/^\d{4}-\d{2}$/.test(month) });
  const [file, setFile] = useState<ReceivedFile | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);

  async function open(statementNumber: string) {
    const result = await call('billing.statementPdf', { statementNumber });
    setFailure(result.ok ? null : result);
    if (result.ok) setFile(fileIn(result.output));
  }

  return (
    <section className="panel" aria-labelledby="bills-title">
      <h2 id="bills-title">{t('usage.billsOf', { month })}</h2>
      {bills.failure ? <Refusal operation="billing.listBills" failure={bills.failure} /> : null}
      {failure ? <Refusal operation="billing.statementPdf" failure={failure} /> : null}
      {bills.data && bills.data.length === 0 ? <p className="muted">{t('usage.noBills')}</p> : null}
      {bills.data && bills.data.length > 0 ? (
        <table className="table table--money bills-table">
          <thead>
            <tr>
              <th>{t('usage.col.account')}</th>
              <th>{t('usage.col.method')}</th>
              <th className="num">{t('usage.col.subtotal')}</th>
              <th className="num">{t('usage.col.tax')}</th>
              <th className="num">{t('usage.col.total')}</th>
              <th className="num">{t('usage.col.prepaid')}</th>
              <th className="num">{t('usage.col.due')}</th>
              <th>{t('usage.col.statement')}</th>
            </tr>
          </thead>
          <tbody>
            {bills.data.map((b) => (
              <tr key={b.account} data-account={b.account}>
                <td className="mono">{b.account}</td>
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
                    <button type="button" className="quiet mono" onClick={() => void open(b.statementNumber)} title={t('usage.dueOn', { date: b.dueOn ? formatJstDate(b.dueOn) : '—' })}>
                      {t('usage.preview', { number: b.statementNumber })}
                    </button>
                  ) : (
                    t('common.none')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {file ? <FilePreview file={file} onClose={() => setFile(null)} /> : null}
    </section>
  );
}
