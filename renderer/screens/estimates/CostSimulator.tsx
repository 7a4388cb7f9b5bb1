import { useEffect, useMemo } from 'react';
import { formatYen } from '../../format';
import { useDraft } from '../../hooks/useDraft';
import { useI18n } from '../../i18n/i18n';
import { labelOf } from '../../i18n/labels';
import { wordProblem } from '../../i18n/problems';
import { InputError } from '../../../core/errors';
import { Yen } from '../common/Yen';
import { monthHours, planList, simulate, type SimulatedLine } from './simulate';

const LINES = 4;
const EMPTY_LINE: SimulatedLine = { plan: '', count: '1', hours: String(monthHours()), gb: '' };
type Draft = Record<string, string>;

function initialDraft(): Draft {
  const draft: Draft = {};
  for (let i = 0; i < LINES; i++) for (const [k, v] of Object.entries(EMPTY_LINE)) draft[`${k}${i}`] = v;
  return draft;
}
const INITIAL = initialDraft();

function simulateLines(lines: SimulatedLine[], prepaid: string) {
  try {
    return { ok: true as const, value: simulate(lines, prepaid) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false as const, problem: error.problems[0]! };
  }
}

/**
 * The cost simulator: plans and hours per month rated IN THE RENDERER by core/rating (the same code as the month
 * close), the bill per service with its tax (R-TAX-2), and how many months a prepaid amount covers (R-PRE-9).
 */
export function CostSimulator({
  prepaid,
  onLines,
}: {
  prepaid: string;
  /** The chosen lines, whenever they change: a quote carries them (D-PRE-L). */
  onLines?: (lines: SimulatedLine[]) => void;
}) {
  const { t, language } = useI18n();
  const [draft, update, clear] = useDraft<Draft>('estimates.simulator', INITIAL);
  const plans = useMemo(() => planList(), []);
  const lines: SimulatedLine[] = Array.from({ length: LINES }, (_, i) => ({
    plan: draft[`plan${i}`] ?? '',
    count: draft[`count${i}`] ?? '',
    hours: draft[`hours${i}`] ?? '',
    gb: draft[`gb${i}`] ?? '',
  }));
  const chosen = lines.filter((l) => l.plan !== '');
  const chosenKey = JSON.stringify(chosen);
  useEffect(() => onLines?.(JSON.parse(chosenKey) as SimulatedLine[]), [chosenKey, onLines]);
  // Rating four lines takes well under a millisecond: done on every render, nothing to memoize.
  const result = simulateLines(chosen, prepaid);

  const meterOf = (planId: string) => plans.find((p) => p.id === planId)?.meter;
  const numeric = (v: string) => v === '' || /^[0-9]+(\.[0-9]+)?$/.test(v);

  return (
    <section className="panel simulator" aria-labelledby="simulator-title">
      <h2 id="simulator-title">{t('simulator.title')}</h2>
      <p className="muted small">{t('simulator.intro', { hours: monthHours() })}</p>
      <table className="table table--compact simulator__lines">
        <thead>
          <tr>
            <th>{t('simulator.plan')}</th>
            <th className="num">{t('simulator.count')}</th>
            <th className="num">{t('simulator.hours')}</th>
            <th className="num">{t('simulator.gb')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const meter = meterOf(line.plan);
            return (
              <tr key={i}>
                <td>
                  <select
                    aria-label={t('simulator.planN', { n: i + 1 })}
                    value={line.plan}
                    onChange={(e) => update({ [`plan${i}`]: e.target.value })}
                  >
                    <option value="">{t('simulator.noPlan')}</option>
                    {plans.map((p) => (
                      <option key={p.id} value={p.id}>
                        {labelOf(t, 'plan', p.id)}（{labelOf(t, 'service', p.service)}）
                      </option>
                    ))}
                  </select>
                </td>
                <td className="num">
                  <input
                    aria-label={t('simulator.countN', { n: i + 1 })}
                    inputMode="numeric"
                    size={3}
                    value={line.count}
                    aria-invalid={!/^[0-9]*$/.test(line.count)}
                    onChange={(e) => update({ [`count${i}`]: e.target.value })}
                  />
                </td>
                <td className="num">
                  <input
                    aria-label={t('simulator.hoursN', { n: i + 1 })}
                    inputMode="decimal"
                    size={5}
                    value={line.hours}
                    aria-invalid={!numeric(line.hours)}
                    disabled={meter === 'transfer' || meter === 'none'}
                    onChange={(e) => update({ [`hours${i}`]: e.target.value })}
                  />
                </td>
                <td className="num">
                  <input
                    aria-label={t('simulator.gbN', { n: i + 1 })}
                    inputMode="decimal"
                    size={5}
                    value={line.gb}
                    aria-invalid={!numeric(line.gb)}
                    disabled={meter !== 'capacity' && meter !== 'transfer'}
                    onChange={(e) => update({ [`gb${i}`]: e.target.value })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="quiet" onClick={clear}>
          {t('common.clear')}
        </button>
      </div>
      {!result.ok ? (
        <p className="field__error" role="alert">
          {t('simulator.invalid')} <span className="muted small">{wordProblem(result.problem, language)}</span>
        </p>
      ) : (
        <>
          <table className="table table--money simulator__bill" aria-label={t('simulator.billLabel')}>
            <thead>
              <tr>
                <th>{t('simulator.service')}</th>
                <th className="num">{t('simulator.subtotal')}</th>
                <th className="num">{t('simulator.tax')}</th>
                <th className="num">{t('simulator.total')}</th>
              </tr>
            </thead>
            <tbody>
              {result.value.bill.services.map((s) => (
                <tr key={s.service}>
                  <td>{labelOf(t, 'service', s.service)}</td>
                  <td className="num">
                    <Yen value={s.subtotal} />
                  </td>
                  <td className="num">
                    <Yen value={s.tax} />
                  </td>
                  <td className="num">
                    <Yen value={s.total} />
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th>{t('simulator.monthly')}</th>
                <th className="num">
                  <Yen value={result.value.bill.subtotal} />
                </th>
                <th className="num">
                  <Yen value={result.value.bill.tax} />
                </th>
                <th className="num simulator__total">
                  <Yen value={result.value.bill.total} />
                </th>
              </tr>
            </tfoot>
          </table>
          <p className="simulator__covers" aria-live="polite">
            {result.value.monthsCovered === null
              ? t('simulator.coversNone')
              : t('simulator.covers', {
                  amount: formatYen(prepaid),
                  months: result.value.monthsCovered,
                  remainder: formatYen(result.value.remainder ?? '0'),
                })}
          </p>
        </>
      )}
    </section>
  );
}
