import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatYen } from '../../format';

/** One series of an AmountsChart; series with the same `stackId` stack. */
export interface AmountsBar {
  dataKey: string;
  name: string;
  fill: string;
  stackId?: string;
}

/** A report's bar chart of yen (numbers for the axis only, never for arithmetic), with a legend where asked. */
export function AmountsChart({
  label,
  data,
  category,
  bars,
  legend = false,
}: {
  label: string;
  data: ReadonlyArray<Record<string, string | number>>;
  /** The key of the category each bar stands on (a month, an aging bucket). */
  category: string;
  bars: readonly AmountsBar[];
  legend?: boolean;
}) {
  return (
    <figure className="books-chart" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...data]} maxBarSize={80}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey={category} />
          <YAxis tickFormatter={(v: number) => formatYen(String(v))} width={90} />
          <Tooltip formatter={(v) => formatYen(String(v))} />
          {legend ? <Legend /> : null}
          {bars.map((b) => (
            <Bar key={b.dataKey} {...b} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
