import type { ReactNode } from 'react';
import { formatYen } from '../../format';

/** A row of an AmountsTable: what names it, then its amounts in the columns' order. */
export interface AmountsRow {
  key: string;
  name: ReactNode;
  amounts: readonly string[];
}

/**
 * A report's table of yen: a first column naming each row (a month, an account), one column of amounts per
 * heading, and a totals row where there is one.
 */
export function AmountsTable({
  label,
  nameHeading,
  headings,
  rows,
  totals,
}: {
  label: string;
  nameHeading: string;
  headings: readonly string[];
  rows: readonly AmountsRow[];
  totals?: { name: string; amounts: readonly string[] };
}) {
  return (
    <table className="table table--money" aria-label={label}>
      <thead>
        <tr>
          <th>{nameHeading}</th>
          {headings.map((h, i) => (
            <th key={i} className="num">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <td className="mono">{r.name}</td>
            {r.amounts.map((a, i) => (
              <td key={i} className="num">
                {formatYen(a)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      {totals ? (
        <tfoot>
          <tr>
            <th>{totals.name}</th>
            {totals.amounts.map((a, i) => (
              <th key={i} className="num">
                {formatYen(a)}
              </th>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}
