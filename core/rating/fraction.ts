/**
 * Exact non-negative amounts as BigInt fractions n/d, for the rating hot path. core/money's Exact (rationals
 * on decimal.js) is exact too, but each of its operations costs microseconds (decimal.js arithmetic and a gcd
 * per step): a provider's month has about 100,000 lines and rating must stay within 2.5× of reading the file
 * (bench/rating.ts). Native BigInt does the same exact arithmetic about 50× faster. Results agree with Exact
 * (test/rating/fraction.test.ts checks them against it).
 */
export interface Fraction {
  readonly n: bigint;
  /** Positive. Not necessarily reduced. */
  readonly d: bigint;
}

export const ZERO: Fraction = { n: 0n, d: 1n };

export function fraction(n: bigint, d: bigint): Fraction {
  if (d <= 0n) throw new Error('fraction: the denominator must be positive');
  return { n, d };
}

/** A plain decimal string ("12.345", as core/money's isDecimalString accepts) as an exact fraction. */
export function fromDecimalString(text: string): Fraction {
  const point = text.indexOf('.');
  if (point < 0) return { n: BigInt(text), d: 1n };
  const places = text.length - point - 1;
  return { n: BigInt(text.slice(0, point) + text.slice(point + 1)), d: 10n ** BigInt(places) };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function plus(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return { n: a.n + b.n, d: a.d };
  const g = gcd(a.d, b.d);
  const bFactor = a.d / g;
  return { n: a.n * (b.d / g) + b.n * bFactor, d: b.d * bFactor };
}

export function times(a: Fraction, b: Fraction): Fraction {
  return { n: a.n * b.n, d: a.d * b.d };
}

export function lessThan(a: Fraction, b: Fraction): boolean {
  return a.n * b.d < b.n * a.d;
}

export function isZero(a: Fraction): boolean {
  return a.n === 0n;
}

/** The largest integer not above the value. */
export function floor(a: Fraction): bigint {
  const q = a.n / a.d;
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

function withPoint(digits: bigint, places: number): string {
  if (places === 0) return digits.toString();
  const negative = digits < 0n;
  const text = (negative ? -digits : digits).toString().padStart(places + 1, '0');
  const whole = text.slice(0, -places);
  const decimals = text.slice(-places).replace(/0+$/, '');
  const body = decimals ? `${whole}.${decimals}` : whole;
  return negative && body !== '0' ? `-${body}` : body;
}

/**
 * As a decimal string, the same text as core/money's Exact.toDecimalString: exact where a finite decimal
 * holds the value, otherwise rounded half up (away from zero) to `places` decimal places, no trailing zeros.
 */
export function toDecimalString(a: Fraction, places = 6): string {
  const g = gcd(a.n, a.d);
  const n = a.n / g;
  const d = a.d / g;
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) {
    rest /= 2n;
    twos++;
  }
  while (rest % 5n === 0n) {
    rest /= 5n;
    fives++;
  }
  if (rest === 1n) {
    const exactPlaces = Math.max(twos, fives);
    return withPoint((n * 10n ** BigInt(exactPlaces)) / d, exactPlaces);
  }
  const scaled = n * 10n ** BigInt(places) * 2n;
  const rounded = n < 0n ? -((-scaled + d) / (2n * d)) : (scaled + d) / (2n * d);
  return withPoint(rounded, places);
}
