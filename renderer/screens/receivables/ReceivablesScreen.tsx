import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { Output } from '../../api/client';
import { Refusal } from '../../components/Refusal';
import { formatYen } from '../../format';
import { routeHref } from '../../hooks/useHashRoute';
import { useI18n } from '../../i18n/i18n';
import { useRead } from '../../session/useRead';
import { Yen } from '../common/Yen';

type Aging = Output<'payments.aging'>;
type Bucket = keyof Aging['totals'];
const BUCKETS: readonly Bucket[] = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'];

/** The sum of whole-yen decimal strings, exact (BigInt), as a decimal string. */
function sumYen(values: string[]): string {
  return values.reduce((sum, v) => sum + BigInt(v), 0n).toString();
}

/**
 * Who has not paid (payments.aging): what each account still owes, by days past due, with a bar chart of the
 * totals per age for the supervisor. The chart's bars are drawn from numbers; every amount shown is the exact
 * yen string.
 */
export function ReceivablesScreen() {
  const { t } = useI18n();
  const aging = useRead('payments.aging', {});
  const data = aging.data;
  const accounts = data ? [...data.accounts].sort((a, b) => Number(BigInt(b.total) - BigInt(a.total))) : [];
  return (
    <section aria-labelledby="receivables-title">
      <div className="screen-head">
        <h1 id="receivables-title">{t('receivables.title')}</h1>
        {data ? <span className="muted">{t('receivables.asOf', { date: data.asOf })}</span> : null}
        <a href={routeHref('dunning')}>{t('dunning.title')}</a>
      </div>
      {aging.failure ? <Refusal operation="payments.aging" failure={aging.failure} /> : null}
      {data ? (
        <>
          <div className="panel">
            <p>
              {t('receivables.total')}:{' '}
              <strong>
                <Yen value={sumYen(BUCKETS.map((b) => data.totals[b]))} />
              </strong>
            </p>
            <figure className="aging-chart" aria-label={t('receivables.chart')}>
              <BarChart
                width={640}
                height={220}
                data={BUCKETS.map((b) => ({ bucket: t(`aging.${b}`), yen: Number(data.totals[b]) }))}
              >
                <CartesianGrid strokeDasharray="3 3" vertical={false} />
                <XAxis dataKey="bucket" />
                <YAxis width={90} tickFormatter={(v: number) => formatYen(String(v))} />
                <Tooltip formatter={(v) => formatYen(String(v))} />
                <Bar dataKey="yen" fill="#2f6db5" isAnimationActive={false} />
              </BarChart>
            </figure>
          </div>
          <div className="panel table-scroll">
            {accounts.length === 0 ? <p className="muted">{t('receivables.empty')}</p> : null}
            {accounts.length > 0 ? (
              <table className="data-table receivables-table">
                <thead>
                  <tr>
                    <th>{t('receivables.account')}</th>
                    <th>{t('receivables.member')}</th>
                    {BUCKETS.map((b) => (
                      <th key={b} className="num">
                        {t(`aging.${b}`)}
                      </th>
                    ))}
                    <th className="num">{t('receivables.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.map((a) => (
                    <tr key={a.account} data-account={a.account}>
                      <td className="mono">{a.account}</td>
                      <td>
                        <a className="mono" href={routeHref('members', a.memberNumber)}>
                          {a.memberNumber}
                        </a>
                      </td>
                      {BUCKETS.map((b) => (
                        <td key={b} className="num">
                          {a.buckets[b] === '0' ? '' : <Yen value={a.buckets[b]} />}
                        </td>
                      ))}
                      <td className="num">
                        <Yen value={a.total} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
