/**
 * D-SEC-11: the years a date typed or sent to the back office may have. Year 0000 or 9999 in a deposit or a
 * payment is a typo that would post to the books, sort first or last in every report, and fall outside the
 * holiday data; the books of a business started this century run within these.
 */
export const FIRST_INPUT_YEAR = 2000;
export const LAST_INPUT_YEAR = 2099;

export function isInputYear(year: number): boolean {
  return year >= FIRST_INPUT_YEAR && year <= LAST_INPUT_YEAR;
}
