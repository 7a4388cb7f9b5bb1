import { z } from 'zod';
import { readYen, type YenRule } from '../../money';
import { FIRST_INPUT_YEAR, isInputYear, jstDate, LAST_INPUT_YEAR, parseDate, parseInstant } from '../../time';
import { typedCode, typedDate, typedYen } from './typed';

// Node-free: the renderer imports these schemas to validate as the user types.

/** Whole yen as a decimal string, read by core/money's readYen (D-SEC-12): money is never a JSON number. */
export function yenString(rule: YenRule) {
  const more = (rule.maxDigits ?? 15) - 1;
  return (
    z
      .string({ error: 'a whole number of yen as a string, such as "12000"' })
      // As people type it (D-UI): "50,000", full-width digits, "¥50,000円".
      .overwrite(typedYen)
      .superRefine((value, ctx) => {
        const read = readYen(value, rule);
        if (read.ok) return;
        ctx.addIssue({
          code: 'custom',
          params: read.digits === undefined ? { code: read.code } : { code: read.code, digits: read.digits },
          message: read.message,
        });
      })
      // The rule, for the catalog's JSON Schema (`backoffice operations`), as a pattern.
      .meta({ pattern: rule.zero ? `^(0|[1-9][0-9]{0,${more}})$` : `^[1-9][0-9]{0,${more}}$` })
  );
}

/** Positive whole yen as a decimal string ("12000"). */
export const positiveYen = yenString({ zero: false });

export const memberNumber = z
  .string({ error: 'a member number such as M-000123' })
  .overwrite(typedCode)
  .regex(/^M-[0-9]{6,}$/, 'a member number such as M-000123');

export const cloudAccountCode = z
  .string({ error: 'a cloud account code such as CA-000123' })
  .overwrite(typedCode)
  .regex(/^CA-[0-9]{6,}$/, 'a cloud account code such as CA-000123');

export const login = z
  .string({ error: 'a login' })
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, '2–32 lower-case letters, digits, ".", "_" or "-", starting with a letter');

export const password = z
  .string({ error: 'a password' })
  .min(1, 'a password is required')
  .max(200, 'at most 200 characters');

/** Fewest characters of a new password (D-SEC-2). */
export const MIN_PASSWORD_LENGTH = 12;

export const newPassword = z
  .string({ error: 'a password' })
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'at most 200 characters');

export const displayName = z
  .string({ error: 'a name' })
  .trim()
  .min(1, 'a name is required')
  .max(100, 'at most 100 characters');

/** A billing month, YYYY-MM, in the years a date may have (D-SEC-11). */
export const monthKey = z
  .string({ error: 'a month as YYYY-MM' })
  .overwrite(typedDate)
  .superRefine((s, ctx) => {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(s);
    if (!m) ctx.addIssue({ code: 'custom', params: { code: 'month.invalid' }, message: 'a month as YYYY-MM' });
    else if (!isInputYear(Number(m[1]))) ctx.addIssue({ code: 'custom', params: YEARS, message: YEARS_MESSAGE });
  });

const YEARS = { code: 'date.year_out_of_range', first: FIRST_INPUT_YEAR, last: LAST_INPUT_YEAR };
const YEARS_MESSAGE = `a date in the years ${FIRST_INPUT_YEAR} to ${LAST_INPUT_YEAR}`;

/** A JST calendar date, YYYY-MM-DD, in the years a date may have (D-SEC-11). */
export const calendarDate = z.string({ error: 'a date as YYYY-MM-DD' }).superRefine((s, ctx) => {
  const date = parseDate(s);
  if (date === null)
    ctx.addIssue({ code: 'custom', params: { code: 'date.invalid' }, message: 'not a date as YYYY-MM-DD' });
  else if (!isInputYear(date.year)) ctx.addIssue({ code: 'custom', params: YEARS, message: YEARS_MESSAGE });
});

/** An instant, ISO 8601 with an explicit offset, on a day of the years a date may have (D-SEC-11). */
export const instant = z.string({ error: 'a time such as 2026-10-01T00:00:00+09:00' }).superRefine((s, ctx) => {
  const ms = parseInstant(s);
  if (ms === null)
    ctx.addIssue({
      code: 'custom',
      params: { code: 'instant.invalid' },
      message: 'not an ISO 8601 time with an offset',
    });
  else if (!isInputYear(jstDate(ms).year)) ctx.addIssue({ code: 'custom', params: YEARS, message: YEARS_MESSAGE });
});

export const page = z
  .number({ error: 'a page number' })
  .int('a whole page number')
  .min(1, 'pages start at 1')
  .default(1);
export const pageSize = z
  .number({ error: 'a page size' })
  .int('a whole number')
  .min(1, 'at least 1')
  .max(200, 'at most 200')
  .default(50);

export const noInput = z.strictObject({});
