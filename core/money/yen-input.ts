import { Dec } from './decimal';

/**
 * D-SEC-12: the one way yen typed by a person or sent by a door is read: whole yen as a string of ASCII digits
 * ("12000"), no sign, no separators ("1,000" is refused rather than guessed: is it one thousand, or one
 * yen and a typo?), no leading zero, at most 15 digits (a JavaScript number is never money). Node-free: the
 * catalog's schemas and the renderer's forms call it alike.
 */
export interface YenRule {
  /** Whether "0" is a value (a fee tolerance) or refused (an amount received). */
  zero: boolean;
  /** Most digits (default 15: under 10^15 yen, exact in any engine). */
  maxDigits?: number;
}

export type YenReading =
  | { ok: true; yen: Dec }
  | {
      ok: false;
      code: 'amount.not_yen' | 'amount.not_positive_yen' | 'amount.too_many_digits';
      message: string;
      digits?: number;
    };

const WHOLE_YEN = /^(0|[1-9][0-9]*)$/;

export function readYen(value: unknown, rule: YenRule): YenReading {
  const maxDigits = rule.maxDigits ?? 15;
  if (typeof value !== 'string' || !WHOLE_YEN.test(value))
    return { ok: false, code: 'amount.not_yen', message: 'a whole number of yen as digits only, such as "12000"' };
  if (value.length > maxDigits)
    return { ok: false, code: 'amount.too_many_digits', message: `at most ${maxDigits} digits`, digits: maxDigits };
  if (value === '0' && !rule.zero)
    return { ok: false, code: 'amount.not_positive_yen', message: 'a positive whole number of yen, such as "12000"' };
  return { ok: true, yen: new Dec(value) };
}
