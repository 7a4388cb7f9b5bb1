import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dec, Exact, decimalString, formatYen, parseDecimal, parseNonNegativeDecimal } from '../../core/money';
import { InputError } from '../../core/errors';

describe('core/money', () => {
  it('parses decimal strings exactly and refuses JS numbers, naming the field', () => {
    expect(parseDecimal('0.0125', 'plans[0].unitPrice').toFixed()).toBe('0.0125');
    expect(() => parseDecimal(10.5, 'plans[0].unitPrice')).toThrow(/plans\[0\]\.unitPrice: a JSON number/);
    expect(() => parseDecimal('1e3', 'x')).toThrow(InputError);
    expect(() => parseDecimal(' 12', 'x')).toThrow(/x: not a decimal string/);
    expect(() => parseNonNegativeDecimal('-1', 'gb')).toThrow(/gb: negative/);
  });

  it('formats yen with thousands separators', () => {
    expect(formatYen(new Dec('12345'))).toBe('¥12,345');
    expect(formatYen('1000000')).toBe('¥1,000,000');
    expect(formatYen('0')).toBe('¥0');
    expect(formatYen('-1234')).toBe('-¥1,234');
    expect(formatYen('999.99')).toBe('¥999');
  });

  it('R-RATE-8: three amounts of 7/3 yen sum to exactly 7 yen, not 6', () => {
    const third = Exact.ratio(7n, 3n);
    const sum = third.plus(third).plus(third);
    expect(sum.floor().toFixed()).toBe('7');
    // the same amounts rounded to 6 places first would lose a yen
    const rounded = new Dec(third.toDecimalString(6));
    expect(rounded.times(3).floor().toFixed()).toBe('6');
  });

  it('floors negative and positive rationals toward minus infinity', () => {
    expect(Exact.ratio(-7n, 2n).floor().toFixed()).toBe('-4');
    expect(Exact.ratio(7n, 2n).floor().toFixed()).toBe('3');
    expect(Exact.ratio(6n, 3n).floor().toFixed()).toBe('2');
  });

  it('prints finite decimals exactly and others to 6 places', () => {
    expect(Exact.ratio(5401n * 7n, 3600n).toDecimalString()).toBe('10.501944');
    expect(Exact.of('12.50').toDecimalString()).toBe('12.5');
    expect(Exact.ratio(1n, 3n).toDecimalString()).toBe('0.333333');
    expect(decimalString(new Dec('0.10'))).toBe('0.1');
  });

  it('exact arithmetic is associative and commutative (property)', () => {
    const frac = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }));
    fc.assert(
      fc.property(frac, frac, frac, ([a, b], [c, d], [e, f]) => {
        const x = Exact.ratio(a, b);
        const y = Exact.ratio(c, d);
        const z = Exact.ratio(e, f);
        expect(
          x
            .plus(y)
            .plus(z)
            .cmp(x.plus(y.plus(z))),
        ).toBe(0);
        expect(x.plus(y).cmp(y.plus(x))).toBe(0);
        if (!y.isZero()) expect(x.times(y).dividedBy(y).cmp(x)).toBe(0);
        expect(x.plus(y).floor().lte(x.plus(y).toDecimalString(6))).toBe(true);
      }),
    );
  });
});

describe('core/money Exact on BigInt', () => {
  it('R-RATE-8: sums, products, comparisons and floors agree with decimal.js at 64 digits', () => {
    const integer = fc.bigInt({ min: 0n, max: 10n ** 15n });
    const positive = fc.bigInt({ min: 1n, max: 10n ** 9n });
    fc.assert(
      fc.property(integer, positive, integer, positive, (an, ad, bn, bd) => {
        const a = Exact.ratio(an, ad);
        const b = Exact.ratio(bn, bd);
        const da = new Dec(an.toString()).dividedBy(ad.toString());
        const db = new Dec(bn.toString()).dividedBy(bd.toString());
        // 64 significant digits hold these sums to far more than 6 places
        const sum = a.plus(b);
        const printed = new Dec(sum.toDecimalString(6));
        if (sum.isFiniteDecimal()) expect(printed.equals(da.plus(db))).toBe(true);
        else expect(printed.equals(da.plus(db).toDecimalPlaces(6, Dec.ROUND_HALF_UP))).toBe(true);
        expect(a.lessThan(b)).toBe(an * bd < bn * ad);
        expect(a.times(b).floor().toFixed()).toBe(((an * bn) / (ad * bd)).toString());
      }),
    );
  });

  it('reads decimal strings exactly and prints finite decimals exactly', () => {
    expect(Exact.of('0.0125').toDecimalString()).toBe('0.0125');
    expect(Exact.of(new Dec('-3.50')).toDecimalString()).toBe('-3.5');
    expect(Exact.ratio(1n, 1024n).toDecimalString()).toBe('0.0009765625');
    expect(Exact.ratio(2n, 3n).toDecimalString()).toBe('0.666667');
    expect(Exact.ratio(0n, 7n).toDecimalString()).toBe('0');
    expect(() => Exact.of('1e3')).toThrow();
  });
});
