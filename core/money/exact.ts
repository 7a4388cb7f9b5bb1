import { Dec } from './decimal';

const ZERO = new Dec(0);
const ONE = new Dec(1);

function gcd(a: Dec, b: Dec): Dec {
  let x = a.abs();
  let y = b.abs();
  while (!y.isZero()) {
    const r = x.mod(y);
    x = y;
    y = r;
  }
  return x;
}

/**
 * An exact rational amount built on decimal.js integers, for values like hours = seconds / 3600 that no
 * finite decimal holds (R-RATE-8: three lines of 7/3 yen sum to 7 yen). The denominator is positive.
 */
export class Exact {
  private constructor(
    readonly num: Dec,
    readonly den: Dec,
  ) {}

  static readonly zero = new Exact(ZERO, ONE);

  static of(value: Dec | string | bigint): Exact {
    const d = value instanceof Dec ? value : new Dec(value.toString());
    const places = d.decimalPlaces();
    if (places === 0) return new Exact(d, ONE);
    const scale = new Dec(10).pow(places);
    return Exact.ratio(d.times(scale), scale);
  }

  /** n / d for integers n and d (d ≠ 0), reduced. */
  static ratio(n: Dec | string | bigint, d: Dec | string | bigint): Exact {
    let num = n instanceof Dec ? n : new Dec(n.toString());
    let den = d instanceof Dec ? d : new Dec(d.toString());
    if (!num.isInteger() || !den.isInteger()) throw new Error('Exact.ratio needs integers');
    if (den.isZero()) throw new Error('Exact.ratio: division by zero');
    if (den.isNegative()) {
      num = num.negated();
      den = den.negated();
    }
    if (den.equals(ONE)) return new Exact(num, den);
    const g = gcd(num, den);
    if (g.isZero() || g.equals(ONE)) return new Exact(num, den);
    return new Exact(num.dividedToIntegerBy(g), den.dividedToIntegerBy(g));
  }

  plus(o: Exact): Exact {
    if (this.den.equals(o.den)) return Exact.ratio(this.num.plus(o.num), this.den);
    return Exact.ratio(this.num.times(o.den).plus(o.num.times(this.den)), this.den.times(o.den));
  }

  minus(o: Exact): Exact {
    return this.plus(o.negated());
  }

  negated(): Exact {
    return new Exact(this.num.negated(), this.den);
  }

  times(o: Exact | Dec): Exact {
    const r = o instanceof Exact ? o : Exact.of(o);
    return Exact.ratio(this.num.times(r.num), this.den.times(r.den));
  }

  dividedBy(o: Exact | Dec): Exact {
    const r = o instanceof Exact ? o : Exact.of(o);
    if (r.num.isZero()) throw new Error('Exact.dividedBy: division by zero');
    return Exact.ratio(this.num.times(r.den), this.den.times(r.num));
  }

  cmp(o: Exact): number {
    return this.num.times(o.den).comparedTo(o.num.times(this.den));
  }

  lessThan(o: Exact): boolean {
    return this.cmp(o) < 0;
  }

  min(o: Exact): Exact {
    return this.cmp(o) <= 0 ? this : o;
  }

  isZero(): boolean {
    return this.num.isZero();
  }

  /** The largest integer not above this value. */
  floor(): Dec {
    return this.num.minus(this.num.mod(this.den).plus(this.den).mod(this.den)).dividedToIntegerBy(this.den);
  }

  /** True when a finite decimal holds this value exactly (the reduced denominator has no prime but 2 and 5). */
  isFiniteDecimal(): boolean {
    let d = this.den;
    for (const p of [2, 5]) while (d.mod(p).isZero()) d = d.dividedToIntegerBy(p);
    return d.equals(ONE);
  }

  /**
   * The value as a decimal string: exact where a finite decimal holds it, otherwise rounded half up to
   * `places` decimal places. For display only; sums must use the Exact value.
   */
  toDecimalString(places = 6): string {
    const value = this.num.dividedBy(this.den);
    const text = this.isFiniteDecimal() ? value.toFixed() : value.toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed();
    return text === '-0' || /^-0\.0*$/.test(text) ? '0' : text;
  }

  toString(): string {
    return this.den.equals(ONE) ? this.num.toFixed() : `${this.num.toFixed()}/${this.den.toFixed()}`;
  }
}
