import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registrationCheckDigit, registrationNumberProblem } from '../../core/documents';

describe('registration number (適格請求書発行事業者登録番号)', () => {
  it('R-TAX-4: T1120001234567 passes: the twelve digits weigh 44, and 9 − (44 mod 9) = 1', () => {
    expect(registrationCheckDigit('120001234567')).toBe(1);
    expect(registrationNumberProblem('T1120001234567')).toBeNull();
  });

  it('R-TAX-4: T1234567890123 fails its check digit (9 − (72 mod 9) = 9, not 1); a wrong shape is told apart', () => {
    expect(registrationCheckDigit('234567890123')).toBe(9);
    expect(registrationNumberProblem('T1234567890123')).toBe('check_digit');
    expect(registrationNumberProblem('T9234567890123')).toBeNull();
    expect(registrationNumberProblem('1120001234567')).toBe('shape');
    expect(registrationNumberProblem('T112000123456')).toBe('shape');
    expect(registrationNumberProblem(1120001234567)).toBe('shape');
  });

  it('R-TAX-4: every twelve digits have a check digit from 1 to 9 that makes a valid number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{12}$/), (twelve) => {
        const check = registrationCheckDigit(twelve);
        expect(check).toBeGreaterThanOrEqual(1);
        expect(check).toBeLessThanOrEqual(9);
        expect(registrationNumberProblem(`T${check}${twelve}`)).toBeNull();
      }),
    );
  });
});
