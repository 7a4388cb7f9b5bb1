import Decimal from 'decimal.js';
import { InputError } from '../errors';

/**
 * The project's own decimal.js constructor, so no other library's global configuration can change it.
 * 64 significant digits keep every integer numerator and denominator of a month's amounts exact.
 */
export const Dec = Decimal.clone({ precision: 64, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 60 });
export type Dec = Decimal;

const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** True for a plain decimal string such as "12", "0.0125" or "-3.5" (no exponent, no spaces, no "+"). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_STRING.test(value);
}

/**
 * Parses a decimal string. JavaScript numbers are refused: a money or quantity value that has been through a
 * binary float may already be wrong.
 */
export function parseDecimal(value: unknown, path: string): Dec {
  if (typeof value === 'number')
    throw InputError.one(path, 'decimal.json_number', 'a JSON number; give a decimal string such as "12.5"');
  if (!isDecimalString(value)) throw InputError.one(path, 'decimal.invalid', 'not a decimal string');
  return new Dec(value);
}

/** Parses a non-negative decimal string (a price, a quantity). */
export function parseNonNegativeDecimal(value: unknown, path: string): Dec {
  const d = parseDecimal(value, path);
  if (d.isNegative()) throw InputError.one(path, 'amount.negative', 'negative; must be zero or more');
  return d;
}

/** Whole yen toward minus infinity: the truncation the tax rules require (R-TAX-2). */
export function floorYen(d: Dec): Dec {
  return d.floor();
}

/** A decimal as its shortest exact string: "0.1", not "0.10"; "-0" is "0". */
export function decimalString(d: Dec): string {
  if (d.isZero()) return '0';
  return d.toFixed();
}
