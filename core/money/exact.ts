import { Dec, isDecimalString } from './decimal';

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function toBigInt(value: Dec | string | bigint): bigint {
  if (typeof value === 'bigint') return value;
  const text = value instanceof Dec ? value.toFixed() : value;
  if (!/^-?[0-9]+$/.test(text)) throw new Error(`Exact: not an integer: ${text}`);
  return BigInt(text);
}

/**
 * An exact rational amount, for values like hours = seconds / 3600 that no finite decimal holds (R-RATE-8:
 * three lines of 7/3 yen sum to 7 yen). Numerator and denominator are BigInt integers: exact like decimal.js
 * integers, and about fifty times faster, which rating a provider's month needs (bench/rating.ts). Yen enter
 * and leave as decimal.js values (`of`, `floor`). The denominator is positive; values are reduced only where it
 * pays (sums share denominators; printing reduces).
 */
export class Exact {
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static readonly zero = new Exact(0n, 1n);
  static readonly one = new Exact(1n, 1n);

  /** A decimal value or plain decimal string ("12.345"), exactly. */
  static of(value: Dec | string | bigint): Exact {
    if (typeof value === 'bigint') return new Exact(value, 1n);
    const text = value instanceof Dec ? value.toFixed() : value;
    if (!isDecimalString(text)) throw new Error(`Exact.of: not a decimal string: ${text}`);
    const point = text.indexOf('.');
    if (point < 0) return new Exact(BigInt(text), 1n);
    const places = text.length - point - 1;
    return new Exact(BigInt(text.slice(0, point) + text.slice(point + 1)), 10n ** BigInt(places));
  }

  /** n / d for integers n and d (d ≠ 0). */
  static ratio(n: Dec | string | bigint, d: Dec | string | bigint): Exact {
    const num = toBigInt(n);
    const den = toBigInt(d);
    if (den === 0n) throw new Error('Exact.ratio: division by zero');
    return den < 0n ? new Exact(-num, -den) : new Exact(num, den);
  }

  plus(o: Exact): Exact {
    if (this.den === o.den) return new Exact(this.num + o.num, this.den);
    const g = gcd(this.den, o.den);
    const factor = this.den / g;
    return new Exact(this.num * (o.den / g) + o.num * factor, o.den * factor);
  }

  minus(o: Exact): Exact {
    return this.plus(o.negated());
  }

  negated(): Exact {
    return new Exact(-this.num, this.den);
  }

  times(o: Exact | Dec): Exact {
    const r = o instanceof Exact ? o : Exact.of(o);
    return new Exact(this.num * r.num, this.den * r.den);
  }

  dividedBy(o: Exact | Dec): Exact {
    const r = o instanceof Exact ? o : Exact.of(o);
    if (r.num === 0n) throw new Error('Exact.dividedBy: division by zero');
    return Exact.ratio(this.num * r.den, this.den * r.num);
  }

  cmp(o: Exact): number {
    const a = this.num * o.den;
    const b = o.num * this.den;
    return a < b ? -1 : a > b ? 1 : 0;
  }

  lessThan(o: Exact): boolean {
    return this.num * o.den < o.num * this.den;
  }

  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  /** The largest integer not above this value. */
  floorBigInt(): bigint {
    const q = this.num / this.den;
    return this.num < 0n && q * this.den !== this.num ? q - 1n : q;
  }

  /** The largest integer not above this value, as whole yen (R-RATE-8, R-TAX-2 truncation). */
  floor(): Dec {
    return new Dec(this.floorBigInt().toString());
  }

  private reduced(): Exact {
    const g = gcd(this.num, this.den);
    return g <= 1n ? this : new Exact(this.num / g, this.den / g);
  }

  /** True when a finite decimal holds this value exactly (the reduced denominator has no prime but 2 and 5). */
  isFiniteDecimal(): boolean {
    let d = this.reduced().den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * The value as a decimal string: exact where a finite decimal holds it, otherwise rounded half up (away from
   * zero) to `places` decimal places; no trailing zeros. For display only: sums use the Exact value.
   */
  toDecimalString(places = 6): string {
    const { num: n, den: d } = this.reduced();
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

  toString(): string {
    const { num, den } = this.reduced();
    return den === 1n ? num.toString() : `${num}/${den}`;
  }
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
