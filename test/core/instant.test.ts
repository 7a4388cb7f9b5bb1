import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, Exact } from '../../core/money';
import { parseInstant } from '../../core/time';
import { floor, fraction, fromDecimalString, lessThan, plus, times, toDecimalString } from '../../core/rating/fraction';
import { parseEventTime } from '../../core/rating/instant';

const integer = fc.bigInt({ min: 0n, max: 10n ** 15n });
const positive = fc.bigInt({ min: 1n, max: 10n ** 9n });
const pair = fc.tuple(integer, positive);

describe('core/rating/fraction agrees with core/money Exact', () => {
  it('R-RATE-8: sums, products, comparisons, floors and 6-place strings are those of Exact', () => {
    fc.assert(
      fc.property(pair, pair, ([an, ad], [bn, bd]) => {
        const a = fraction(an, ad);
        const b = fraction(bn, bd);
        const ea = Exact.ratio(an, ad);
        const eb = Exact.ratio(bn, bd);
        expect(toDecimalString(plus(a, b))).toBe(ea.plus(eb).toDecimalString(6));
        expect(toDecimalString(times(a, b))).toBe(ea.times(eb).toDecimalString(6));
        expect(lessThan(a, b)).toBe(ea.lessThan(eb));
        expect(floor(plus(a, b)).toString()).toBe(ea.plus(eb).floor().toFixed());
      }),
    );
  });

  it('R-RATE-8: three 7/3 yen sum to 7 yen; 7/3 prints as 2.333333; finite decimals print exactly', () => {
    const third = fraction(7n, 3n);
    expect(floor(plus(plus(third, third), third))).toBe(7n);
    expect(toDecimalString(third)).toBe('2.333333');
    expect(toDecimalString(fraction(2n, 3n))).toBe('0.666667');
    expect(toDecimalString(fromDecimalString('0.0125'))).toBe('0.0125');
    expect(toDecimalString(fromDecimalString('12.50'))).toBe('12.5');
    expect(toDecimalString(fraction(1n, 1024n))).toBe('0.0009765625');
    expect(toDecimalString(fraction(0n, 7n))).toBe('0');
  });

  it('reads decimal strings exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }), (digits, places) => {
        const text = new Dec(digits.toString()).dividedBy(new Dec(10).pow(places)).toFixed(places);
        expect(toDecimalString(fromDecimalString(text), 12)).toBe(Exact.of(new Dec(text)).toDecimalString(12));
      }),
    );
  });
});

describe('core/rating/instant agrees with core/time parseInstant', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  it('R-RATE-3: gives the same instant, or the same refusal, for exported-shape times valid or not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 900, max: 2999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom('Z', '+09:00', '-05:30', '+14:00', '+24:00', '+09:60', '09:00', '+0900'),
        (y, mo, d, h, mi, s, offset) => {
          const text = `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${offset}`;
          expect(parseEventTime(text)).toBe(parseInstant(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('R-RATE-3: 2026-09-30T15:00:00Z and 2026-10-01T00:00:00+09:00 are the same instant; other shapes fall back', () => {
    expect(parseEventTime('2026-09-30T15:00:00Z')).toBe(parseEventTime('2026-10-01T00:00:00+09:00'));
    expect(parseEventTime('2026-10-01T00:00:00.500+09:00')).toBe(Date.parse('2026-09-30T15:00:00.500Z'));
    expect(parseEventTime('2026-10-01T00:00+09:00')).toBe(Date.parse('2026-09-30T15:00:00Z'));
    expect(parseEventTime('2028-02-29T00:00:00+09:00')).not.toBeNull();
    expect(parseEventTime('2026-02-29T00:00:00+09:00')).toBeNull();
    expect(parseEventTime(1_790_000_000_000)).toBeNull();
  });
});
