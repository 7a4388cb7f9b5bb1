import { Dec } from './decimal';

/** ¥12,345 (whole yen; a fraction is truncated toward zero for display only). Negative: -¥1,234. */
export function formatYen(value: Dec | string): string {
  const d = value instanceof Dec ? value : new Dec(value);
  const whole = d.truncated().abs().toFixed(0);
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${d.isNegative() && !d.truncated().isZero() ? '-' : ''}¥${grouped}`;
}
