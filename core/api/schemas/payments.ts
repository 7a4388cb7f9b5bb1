import { z } from 'zod';
import { calendarDate, cloudAccountCode, positiveYen } from './common';
import { billRef, oneBillRef } from './billing';

/** 12–19 digits, spaces or dashes allowed between them: a card number (PAN). */
const CARD_NUMBER = /(?:\d[ -]?){12,19}/;

/** Every path in `value` holding a string that looks like a full card number. */
function cardNumberPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return CARD_NUMBER.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => cardNumberPaths(v, [...path, i]));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => cardNumberPaths(v, [...path, k]));
  return [];
}

export const cardDetails = z.strictObject({
  brand: z
    .string({ error: 'a card brand such as VISA' })
    .trim()
    .min(1, 'a card brand such as VISA')
    .max(30, 'at most 30 characters'),
  last4: z.string({ error: 'the last four digits' }).regex(/^\d{4}$/, 'the last four digits of the card, nothing more'),
  expiry: z.string({ error: 'the expiry as MM/YY' }).regex(/^(0[1-9]|1[0-2])\/\d{2}$/, 'the expiry as MM/YY'),
});

/**
 * A payment method registered or changed. The card number itself is never accepted: only brand, last four
 * digits and expiry; any field that looks like a full card number is refused, whatever its name.
 */
export const registerMethodInput = z
  .strictObject({
    account: cloudAccountCode,
    method: z.enum(['credit_card', 'bank_transfer', 'direct_debit'], {
      error: 'credit_card, bank_transfer or direct_debit',
    }),
    card: cardDetails.optional(),
    /** The day the card was authorised or the signed form received (R-BILL-5); default today (JST). */
    receivedOn: calendarDate.optional(),
  })
  .superRefine((value, ctx) => {
    for (const path of cardNumberPaths(value))
      ctx.addIssue({
        code: 'custom',
        path,
        params: { code: 'card.full_number' },
        message: 'looks like a full card number: never send it, only the last four digits',
      });
  });

export const collectionResultInput = z
  .strictObject({
    ...billRef,
    outcome: z.enum(['paid', 'failed'], { error: 'paid or failed' }),
    /** The day of the charge or debit (JST); default today. */
    on: calendarDate.optional(),
    reason: z.string().max(200, 'at most 200 characters').optional(),
  })
  .superRefine(oneBillRef);

export const bankReceiptInput = z
  .strictObject({
    ...billRef,
    amount: positiveYen,
    /** R-ACC-2: the day the bank credited the transfer (JST); default today. */
    valueDate: calendarDate.optional(),
  })
  .superRefine(oneBillRef);

export const agingInput = z.strictObject({ asOf: calendarDate.optional() });
export const dailyInput = z.strictObject({ date: calendarDate.optional() });
