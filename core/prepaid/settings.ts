/** R-PRE-5 (decision): the registration period, in days from issue; BACKOFFICE_PREPAID_REGISTRATION_DAYS overrides it. */
export const DEFAULT_REGISTRATION_DAYS = 365;
export const REGISTRATION_DAYS_ENV = 'BACKOFFICE_PREPAID_REGISTRATION_DAYS';

/** R-PRE-6: a prepaid ID expires this many months after registration. */
export const EXPIRY_MONTHS = 12;

/** Registration throttle: this many refused codes for one account within the window lock it for the window. */
export const REGISTRATION_FAILURE_LIMIT = 5;
export const REGISTRATION_WINDOW_MS = 15 * 60 * 1000;

export function registrationDays(): number {
  const text = process.env[REGISTRATION_DAYS_ENV];
  if (text === undefined || text === '') return DEFAULT_REGISTRATION_DAYS;
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`${REGISTRATION_DAYS_ENV}: a whole number of days from 1 to 3650, not "${text}"`);
  return days;
}
