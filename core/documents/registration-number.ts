/**
 * R-TAX-4: a qualified-invoice registration number is "T" and 13 digits, the first being the check digit of the
 * other twelve: 9 − (Σ Pn × Qn mod 9), Pn the n-th digit from the right, Qn 1 for odd n and 2 for even n.
 */
const SHAPE = /^T(\d)(\d{12})$/;

/** The check digit of twelve digits (the part of the number after the check digit). */
export function registrationCheckDigit(twelve: string): number {
  let sum = 0;
  for (let n = 1; n <= 12; n++) sum += Number(twelve[12 - n]) * (n % 2 === 1 ? 1 : 2);
  return 9 - (sum % 9);
}

/** Why a registration number is refused, or null when it is one. */
export function registrationNumberProblem(value: unknown): 'shape' | 'check_digit' | null {
  const m = typeof value === 'string' ? SHAPE.exec(value) : null;
  if (!m) return 'shape';
  return registrationCheckDigit(m[2]!) === Number(m[1]) ? null : 'check_digit';
}
