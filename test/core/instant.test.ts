import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant, parseInstantByPattern } from '../../core/time';

describe('core/time parseInstant: the fast path agrees with the general pattern', () => {
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
          expect(parseInstant(text)).toBe(parseInstantByPattern(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('R-RATE-3: 2026-09-30T15:00:00Z and 2026-10-01T00:00:00+09:00 are the same instant; other shapes fall back', () => {
    expect(parseInstant('2026-09-30T15:00:00Z')).toBe(parseInstant('2026-10-01T00:00:00+09:00'));
    expect(parseInstant('2026-10-01T00:00:00.500+09:00')).toBe(Date.parse('2026-09-30T15:00:00.500Z'));
    expect(parseInstant('2026-10-01T00:00+09:00')).toBe(Date.parse('2026-09-30T15:00:00Z'));
    expect(parseInstant('2028-02-29T00:00:00+09:00')).not.toBeNull();
    expect(parseInstant('2026-02-29T00:00:00+09:00')).toBeNull();
    expect(parseInstant(1_790_000_000_000)).toBeNull();
  });
});
