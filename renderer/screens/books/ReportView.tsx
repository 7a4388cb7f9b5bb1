import { SERVICES } from '../../../core/rating';
import { Refusal } from '../../components/Refusal';
import { formatJstDateTime, formatYen } from '../../format';
import { useI18n } from '../../i18n/i18n';
import { useRead } from '../../session/useRead';
import { TrialBalanceTable } from '../common/TrialBalanceTable';
import { Yen } from '../common/Yen';
import { AmountsChart } from './AmountsChart';
import { AmountsTable } from './AmountsTable';
import type { ReportParams } from './report-params';

const AGING = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
const COLORS = ['#2f5d8a', '#6a9fcb', '#9cc3a5', '#e0b95b', '#c9785d', '#8e6fb5', '#7f7f7f'];

/** A whole-yen decimal string as a number for a chart's axis only (never for arithmetic). */
const chartYen = (value: string) => Number(value);

/** The report the parameters name, read and shown: a table, and a chart where one reads better. */
export function ReportView({ params }: { params: ReportParams }) {
  switch (params.kind) {
    case 'trialBalance':
      return <TrialBalanceView from={params.from} to={params.to} />;
    case 'generalLedger':
      return <GeneralLedgerView params={params} />;
    case 'sales':
      return <SalesView fromMonth={params.fromMonth} toMonth={params.toMonth} />;
    case 'prepaidLiability':
      return <PrepaidView />;
    case 'aging':
      return <AgingView asOf={params.asOf} />;
  }
}

function TrialBalanceView({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const tb = useRead('reports.trialBalance', { from, to }, { enabled: Boolean(from && to && from <= to) });
  if (tb.failure) return <Refusal operation="reports.trialBalance" failure={tb.failure} />;
  if (!tb.data) return null;
  return <TrialBalanceTable trial={tb.data} label={t('reports.kind.trialBalance')} />;
}

function GeneralLedgerView({ params }: { params: ReportParams }) {
  const { t } = useI18n();
  const input = { account: params.account, from: params.from, to: params.to };
  const gl = useRead('ledger.accountStatement', input, { enabled: Boolean(params.from && params.to) });
  if (gl.failure) return <Refusal operation="ledger.accountStatement" failure={gl.failure} />;
  if (!gl.data) return null;
  return (
    <table className="table table--money" aria-label={t('reports.kind.generalLedger')}>
      <thead>
        <tr>
          <th>{t('reports.col.postedAt')}</th>
          <th>{t('reports.col.memo')}</th>
          <th className="num">{t('trial.col.debit')}</th>
          <th className="num">{t('trial.col.credit')}</th>
          <th className="num">{t('trial.col.balance')}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td />
          <td>{t('reports.opening')}</td>
          <td />
          <td />
          <td className="num">{formatYen(gl.data.opening)}</td>
        </tr>
        {gl.data.lines.map((l, i) => (
          <tr key={`${l.transactionId}-${i}`}>
            <td className="mono nowrap">{formatJstDateTime(l.postedAt)}</td>
            <td className="clip">{l.memo}</td>
            <td className="num">{l.debit === '0' ? '' : formatYen(l.debit)}</td>
            <td className="num">{l.credit === '0' ? '' : formatYen(l.credit)}</td>
            <td className="num">{formatYen(l.balance)}</td>
          </tr>
        ))}
        <tr>
          <td />
          <td>{t('reports.closing')}</td>
          <td />
          <td />
          <td className="num">{formatYen(gl.data.closing)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function SalesView({ fromMonth, toMonth }: { fromMonth: string; toMonth: string }) {
  const { t } = useI18n();
  const sales = useRead('reports.sales', { fromMonth, toMonth }, { enabled: Boolean(fromMonth && toMonth) });
  if (sales.failure) return <Refusal operation="reports.sales" failure={sales.failure} />;
  if (!sales.data) return null;
  if (sales.data.months.length === 0) return <p className="muted">{t('reports.none')}</p>;
  const chart = sales.data.months.map((m) => ({
    month: m.month,
    ...Object.fromEntries(SERVICES.map((s) => [s, chartYen(m.services[s])])),
  }));
  const serviceNames = SERVICES.map((s) => t(`service.${s}` as const));
  return (
    <>
      <AmountsChart
        label={t('reports.chart.sales')}
        data={chart}
        category="month"
        bars={SERVICES.map((s, i) => ({ dataKey: s, name: serviceNames[i]!, stackId: 'sales', fill: COLORS[i]! }))}
        legend
      />
      <AmountsTable
        label={t('reports.kind.sales')}
        nameHeading={t('reports.col.month')}
        headings={[...serviceNames, t('reports.col.credited'), t('reports.col.net')]}
        rows={sales.data.months.map((m) => ({
          key: m.month,
          name: m.month,
          amounts: [...SERVICES.map((s) => m.services[s]), m.credited, m.net],
        }))}
        totals={{
          name: t('reports.col.total'),
          amounts: [
            ...SERVICES.map((s) => sales.data!.totals.services[s]),
            sales.data.totals.credited,
            sales.data.totals.net,
          ],
        }}
      />
    </>
  );
}

function PrepaidView() {
  const { t } = useI18n();
  const p = useRead('reports.prepaidLiability', {});
  if (p.failure) return <Refusal operation="reports.prepaidLiability" failure={p.failure} />;
  if (!p.data) return null;
  return (
    <>
      <p>{t('reports.prepaid.total', { total: formatYen(p.data.total), ledger: formatYen(p.data.ledgerBalance) })}</p>
      <h3>{t('reports.prepaid.byMonth')}</h3>
      <table className="table table--money" aria-label={t('reports.prepaid.byMonth')}>
        <tbody>
          {p.data.byExpiryMonth.map((m) => (
            <tr key={m.month}>
              <td className="mono">{m.month}</td>
              <td className="num">{m.ids}</td>
              <td className="num">
                <Yen value={m.balance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table table--money" aria-label={t('reports.kind.prepaidLiability')}>
        <thead>
          <tr>
            <th>{t('reports.col.member')}</th>
            <th>{t('reports.col.code')}</th>
            <th>{t('reports.col.account')}</th>
            <th>{t('reports.col.expiresOn')}</th>
            <th className="num">{t('reports.col.balance')}</th>
          </tr>
        </thead>
        <tbody>
          {p.data.holdings.map((h, i) => (
            <tr key={`${h.memberNumber}-${h.codeHint}-${i}`}>
              <td>
                {h.memberName} <span className="muted small">{h.memberNumber}</span>
              </td>
              <td className="mono">****-{h.codeHint}</td>
              <td className="mono">{h.cloudAccount ?? ''}</td>
              <td className="mono">{h.expiresOn ?? ''}</td>
              <td className="num">
                <Yen value={h.balance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function AgingView({ asOf }: { asOf: string }) {
  const { t } = useI18n();
  const aging = useRead('payments.aging', asOf ? { asOf } : {});
  if (aging.failure) return <Refusal operation="payments.aging" failure={aging.failure} />;
  if (!aging.data) return null;
  const chart = AGING.map((b) => ({ bucket: t(`aging.${b}` as const), amount: chartYen(aging.data!.totals[b]) }));
  return (
    <>
      <AmountsChart
        label={t('reports.chart.aging')}
        data={chart}
        category="bucket"
        bars={[{ dataKey: 'amount', name: t('reports.kind.aging'), fill: COLORS[4]! }]}
      />
      <AmountsTable
        label={t('reports.kind.aging')}
        nameHeading={t('reports.col.account')}
        headings={[...AGING.map((b) => t(`aging.${b}` as const)), t('reports.col.total')]}
        rows={aging.data.accounts.map((a) => ({
          key: a.account,
          name: (
            <>
              {a.account} <span className="muted small">{a.memberNumber}</span>
            </>
          ),
          amounts: [...AGING.map((b) => a.buckets[b]), a.total],
        }))}
      />
    </>
  );
}
