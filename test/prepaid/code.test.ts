import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  CODE_ALPHABET,
  CODE_LENGTH,
  formatCode,
  generateCode,
  hasValidCheck,
  normalizeCode,
} from '../../core/prepaid/code';

const alphabetChar = fc.integer({ min: 0, max: CODE_ALPHABET.length - 1 }).map((i) => CODE_ALPHABET[i]!);
const body = fc.array(alphabetChar, { minLength: CODE_LENGTH - 1, maxLength: CODE_LENGTH - 1 }).map((a) => a.join(''));
const validCode = body.map((b) => b + checkCharacter(b));

describe('prepaid ID codes', () => {
  it('use 31 characters without look-alikes (no 0, O, 1, I, L)', () => {
    expect(CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CODE_ALPHABET).size).toBe(31);
    for (const ch of '0O1IL') expect(CODE_ALPHABET).not.toContain(ch);
  });

  it('a known code: body 222222222222222 → check by hand', () => {
    // '2' has value 0, so the interim stays 0 and the check is '2' (0).
    expect(checkCharacter('222222222222222')).toBe('2');
    // '3' (1) then 14 × '2': interim = 2^14 mod 31 = 16384 mod 31 = 16; check = (31 − 32 mod 31) mod 31 = 30 → 'Z'.
    expect(checkCharacter('322222222222222')).toBe('Z');
    expect(hasValidCheck('322222222222222Z')).toBe(true);
  });

  it('generated codes are 16 characters of the alphabet, with a valid check, grouped 4-4-4-4 for reading', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{16}$/);
      expect(hasValidCheck(code)).toBe(true);
      expect(formatCode(code)).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(normalizeCode(formatCode(code).toLowerCase())).toBe(code);
    }
  });

  it('property: every single wrong character is caught', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: CODE_LENGTH - 1 }), alphabetChar, (code, at, replacement) => {
        fc.pre(code[at] !== replacement);
        const typo = code.slice(0, at) + replacement + code.slice(at + 1);
        expect(hasValidCheck(typo)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('property: every swap of two different neighbours is caught, the check character included', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: CODE_LENGTH - 2 }), (code, at) => {
        fc.pre(code[at] !== code[at + 1]);
        const swapped = code.slice(0, at) + code[at + 1]! + code[at]! + code.slice(at + 2);
        expect(hasValidCheck(swapped)).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('exhaustively: for every pair of characters and every position, typos and swaps are caught on a fixed code', () => {
    const base = '5K7MZQ2XW9HTPCE';
    const code = base + checkCharacter(base);
    let checked = 0;
    for (let at = 0; at < CODE_LENGTH; at++) {
      for (const ch of CODE_ALPHABET) {
        if (ch === code[at]) continue;
        expect(hasValidCheck(code.slice(0, at) + ch + code.slice(at + 1))).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(16 * 30);
  });

  it('refuses wrong lengths and characters outside the alphabet', () => {
    const code = generateCode();
    expect(hasValidCheck(code.slice(1))).toBe(false);
    expect(hasValidCheck(code.replace(/./, '0'))).toBe(false);
  });
});
