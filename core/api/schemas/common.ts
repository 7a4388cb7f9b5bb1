import { z } from 'zod';
import { parseDate, parseInstant } from '../../time';
import { typedCode, typedYen } from './typed';

// Node-free: the renderer imports these schemas to validate as the user types.

/** Positive whole yen as a decimal string ("12000"): money is never a JSON number. */
export const positiveYen = z
  .string({ error: 'a whole number of yen as a string, such as "12000"' })
  .overwrite(typedYen)
  .regex(/^[1-9][0-9]{0,14}$/, 'a positive whole number of yen as a string, such as "12000"');

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

export const newPassword = z
  .string({ error: 'a password' })
  .min(4, 'at least 4 characters')
  .max(200, 'at most 200 characters');

export const displayName = z
  .string({ error: 'a name' })
  .trim()
  .min(1, 'a name is required')
  .max(100, 'at most 100 characters');

/** A JST calendar date, YYYY-MM-DD. */
export const calendarDate = z
  .string({ error: 'a date as YYYY-MM-DD' })
  .refine((s) => parseDate(s) !== null, { params: { code: 'date.invalid' }, message: 'not a date as YYYY-MM-DD' });

/** An instant, ISO 8601 with an explicit offset. */
export const instant = z
  .string({ error: 'a time such as 2026-10-01T00:00:00+09:00' })
  .refine((s) => parseInstant(s) !== null, {
    params: { code: 'instant.invalid' },
    message: 'not an ISO 8601 time with an offset',
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
