import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bearerOf, newToken, tokenMatches } from '../../core/host/browser-host';
import { safeSegments } from '../../core/host/static-files';

describe('launch token', () => {
  it('matches exactly the same string, whatever the lengths (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => tokenMatches(a, b) === (a === b)));
    const token = newToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(`${token}x`, token)).toBe(false);
    expect(tokenMatches('', token)).toBe(false);
  });

  it('is read only from a Bearer authorization', () => {
    expect(bearerOf('Bearer abc-_9')).toBe('abc-_9');
    expect(bearerOf('bearer abc')).toBe('abc');
    expect(bearerOf('Basic abc')).toBeNull();
    expect(bearerOf('Bearer a b')).toBeNull();
    expect(bearerOf(undefined)).toBeNull();
  });
});

describe('static paths', () => {
  it('never yield a segment that climbs, whatever the request path (property)', () => {
    const piece = fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%2f', '%5c', 'a', 'assets', '', '%00', '%', '\\');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const segments = safeSegments('/' + pieces.join('/'));
        if (segments === null) return true;
        return segments.every(
          (s) => s !== '..' && s !== '.' && !s.includes('/') && !s.includes('\\') && !s.includes('\0'),
        );
      }),
    );
    expect(safeSegments('/assets/app.js')).toEqual(['assets', 'app.js']);
    expect(safeSegments('/assets/%2e%2e/%2e%2e/x')).toBeNull();
  });
});
