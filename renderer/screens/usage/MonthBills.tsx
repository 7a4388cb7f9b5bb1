import { useMemo, useState } from 'react';
import type { CallFailure, Output, ReceivedFile } from '../../api/client';
import { useSession } from '../../session/session';
import { useMayCall } from '../../session/useMayCall';
import { useRead } from '../../session/useRead';
import { Refusal } from '../../components/Refusal';
import { Pager, pageOf } from '../../components/Pager';
import { formatJstDate, formatYen } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { FilePreview } from '../common/FilePreview';
import type { PrintRequest } from '../common/print';
import { typedSearch, type Findable } from '../common/typed-search';
import { Yen } from '../common/Yen';
import './bills.css';
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

type Bill = Output<'billing.listBills'>[number];
type PaidFilter = 'all' | 'unpaid' | 'paid';
const PAGE_SIZE = 100;

const paidFilters: Record<PaidFilter, (b: Bill) => boolean> = {
  all: () => true,
  unpaid: (b) => b.paid === 'unpaid' || b.paid === 'part_paid',
  paid: (b) => b.paid === 'paid' || b.paid === 'nothing_due',
};

/** A bill as the list's search finds it: its codes, its member's name and kana (renderer typed-search). */
const findable = (b: Bill): Findable => ({
  codes: [b.account, b.memberNumber, b.statementNumber],
  names: [b.memberName],
  kana: [b.memberKana],
});

/**
 * Bills with their member, method, amounts, prepaid offset, paid state and statement, as a panel. A month's
 * bills (hundreds) are searched and paged here; an account's few are listed whole.
 */
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
  const [search, setSearch] = useState('');
  const [paid, setPaid] = useState<PaidFilter>('all');
  const [page, setPage] = useState(1);
  const statements = bills.data?.filter((b) => b.statementNumber).length ?? 0;
  const matching = useMemo(() => {
    const found = typedSearch(search);
    return (bills.data ?? []).filter((b) => paidFilters[paid](b) && found(findable(b)));
  }, [bills.data, search, paid]);
  const shown = byMonth ? { rows: matching, page: 1 } : pageOf(matching, page, PAGE_SIZE);

  async function open(statementNumber: string) {
    const print: PrintRequest = { operation: 'billing.statementPdf', input: { statementNumber } };
    const result = await call(print.operation, print.input);
    setFailure(result.ok ? null : result);
    if (result.ok) setFile({ file: result.output.file, print });
  }

  return (
    <section className="panel bills" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      {bills.failure ? <Refusal operation={query.operation} failure={bills.failure} /> : null}
      {failure ? <Refusal operation="billing.statementPdf" failure={failure} /> : null}
      {query.operation === 'billing.listBills' && mayCall('billing.monthStatementsPdf') ? (
        <PrintMonthStatements month={query.input.month} statements={statements} />
      ) : null}
      {bills.data && bills.data.length === 0 ? (
        <p className="muted">{byMonth ? t('members.noBills') : t('usage.noBills')}</p>
      ) : null}
      {!byMonth && bills.data && bills.data.length > 0 ? (
        <div className="search-bar" role="search">
          <input
            type="search"
            aria-label={t('bills.search')}
            placeholder={t('bills.searchHint')}
            value={search}
            onChange={(e) => (setSearch(e.target.value), setPage(1))}
          />
          <label>
            {t('bills.paidFilter')}{' '}
            <select value={paid} onChange={(e) => (setPaid(e.target.value as PaidFilter), setPage(1))}>
              {(Object.keys(paidFilters) as PaidFilter[]).map((f) => (
                <option key={f} value={f}>
                  {t(`bills.paidFilter.${f}`)}
                </option>
              ))}
            </select>
          </label>
          <span className="muted" role="status">
            {t('list.matching', { count: matching.length.toLocaleString('ja-JP') })}
          </span>
        </div>
      ) : null}
      {bills.data && bills.data.length > 0 && matching.length === 0 ? (
        <p className="muted">{t('bills.noMatches')}</p>
      ) : null}
      {shown.rows.length > 0 ? (
        <div className="table-scroll">
          <table className="table bills-table">
            <thead>
              <tr>
                <th>{byMonth ? t('usage.col.month') : t('usage.col.account')}</th>
                {byMonth ? null : <th>{t('usage.col.member')}</th>}
                <th>{t('usage.col.method')}</th>
                <th className="num">{t('usage.col.subtotal')}</th>
                <th className="num">{t('usage.col.tax')}</th>
                <th className="num">{t('usage.col.total')}</th>
                <th className="num">{t('usage.col.prepaid')}</th>
                <th className="num">{t('usage.col.due')}</th>
                <th>{t('usage.col.paid')}</th>
                <th>{t('usage.col.statement')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.rows.map((b) => (
                <tr key={`${b.account} ${b.month}`} data-account={b.account} data-month={b.month}>
                  <td className="mono nowrap">{byMonth ? b.month : b.account}</td>
                  {byMonth ? null : (
                    <td className="bills__member">
                      <a href={routeHref('members', b.memberNumber)}>{b.memberName}</a>{' '}
                      <span className="mono muted small nowrap">{b.memberNumber}</span>
                    </td>
                  )}
                  <td className="nowrap">{labelOf(t, 'paymentMethod', b.paymentMethod)}</td>
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
                  <td className={`nowrap paid--${b.paid}`}>
                    {t(`billPaid.${b.paid}`, { outstanding: formatYen(b.outstanding) })}
                  </td>
                  <td className="nowrap">
                    {b.statementNumber ? (
                      <button
                        type="button"
                        className="quiet mono nowrap"
                        onClick={() => void open(b.statementNumber!)}
                        title={t('usage.dueOn', { date: b.dueOn ? formatJstDate(b.dueOn) : '—' })}
                      >
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
        </div>
      ) : null}
      {byMonth ? null : (
        <Pager
          page={shown.page}
          pageSize={PAGE_SIZE}
          total={matching.length}
          onPage={setPage}
          label={t('bills.pages')}
        />
      )}
      {file ? <FilePreview file={file.file} print={file.print} onClose={() => setFile(null)} /> : null}
    </section>
  );
}
