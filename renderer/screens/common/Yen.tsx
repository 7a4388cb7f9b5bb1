import { formatYen } from '../../format';

/** Whole yen from the catalog (a decimal string) as ¥12,345; nothing for a missing amount. */
export function Yen({ value }: { value: string | null | undefined }) {
  if (value === null || value === undefined || value === '') return <span className="muted">—</span>;
  return <span className="num">{formatYen(value)}</span>;
}
