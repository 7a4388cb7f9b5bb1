import { Dec, formatYen } from '../money';
import type { CalendarDate } from '../time';
import type { Addressee, BankAccountType } from './types';

/** 2026年10月1日 */
export function japaneseDate(date: CalendarDate): string {
  return `${date.year}年${date.month}月${date.day}日`;
}

/** ¥12,345, keeping any fraction as given ("¥4,662.333333"): line amounts are exact until the subtotal (R-RATE-8). */
export function yenWithFraction(value: Dec): string {
  const whole = formatYen(value.truncated());
  const fraction = value.abs().minus(value.abs().truncated());
  if (fraction.isZero()) return whole;
  const sign = value.isNegative() && value.truncated().isZero() ? '-' : '';
  return sign + whole + fraction.toFixed().slice(1);
}

/** The amount in large type: ¥110,000- (the trailing dash forbids anything written after the figure). */
export function headlineYen(value: Dec): string {
  return `${formatYen(value)}-`;
}

/** 12,345.5 for a quantity: grouped integer part, fraction as given. */
export function groupedNumber(value: Dec): string {
  return yenWithFraction(value).replace('¥', '');
}

/**
 * A figure printed to at most `places` decimals (half up, trailing zeros dropped), grouped; `exact` says whether
 * the printed figure is the value itself.
 */
export function roundedNumber(value: Dec, places: number): { text: string; exact: boolean } {
  const shown = value.toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  return { text: groupedNumber(shown), exact: shown.equals(value) };
}

/** ¥12,345.67: yen with a fraction cut (not rounded) to `places` decimals; `exact` as in roundedNumber. */
export function yenCut(value: Dec, places: number): { text: string; exact: boolean } {
  const shown = value.toDecimalPlaces(places, Dec.ROUND_DOWN);
  return { text: yenWithFraction(shown), exact: shown.equals(value) };
}

/** "10%" for a rate of 0.1; null is outside the tax. */
export function rateLabel(rate: Dec | null): string {
  return rate === null ? '対象外' : `${rate.times(100).toFixed()}%`;
}

/** The addressee lines: a corporation is addressed 御中, a person 様 (with a named contact, 様 goes to the person). */
export function addresseeLines(a: Addressee): { name: string; contact?: string } {
  if (a.kind === 'individual') return { name: `${a.name} 様` };
  if (a.contactName) return { name: a.name, contact: `${a.department ? `${a.department} ` : ''}${a.contactName} 様` };
  return { name: `${a.name} 御中`, contact: a.department };
}

export function accountTypeLabel(type: BankAccountType): string {
  return type === 'current' ? '当座' : '普通';
}
