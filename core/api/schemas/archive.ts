import { z } from 'zod';
import { calendarDate, page, pageSize } from './common';

// Node-free: the renderer validates the archive search with it.

const yenBound = z
  .string({ error: 'a whole number of yen as a string' })
  .regex(/^(0|[1-9][0-9]{0,14})$/, 'a whole number of yen as a string, such as "12000"');

/** 電子帳簿保存法: date range, amount range and counterparty, each optional, in any combination. */
export const archiveSearchInput = z
  .strictObject({
    issuedFrom: calendarDate.optional(),
    issuedTo: calendarDate.optional(),
    amountMin: yenBound.optional(),
    amountMax: yenBound.optional(),
    counterparty: z.string().trim().max(100, 'at most 100 characters').optional(),
    kind: z.enum(['estimate', 'statement', 'prepaid_notice', 'invoice']).optional(),
    page,
    pageSize,
  })
  .refine((i) => !i.issuedFrom || !i.issuedTo || i.issuedFrom <= i.issuedTo, {
    path: ['issuedTo'],
    params: { code: 'date.before_from' },
    message: 'must not be before the first date',
  })
  .refine((i) => !i.amountMin || !i.amountMax || BigInt(i.amountMin) <= BigInt(i.amountMax), {
    path: ['amountMax'],
    params: { code: 'archive.amount_range' },
    message: 'must not be less than the least amount',
  });

export const archivedDocumentInput = z.strictObject({
  documentId: z.number({ error: 'a document id' }).int().positive(),
});

export const archiveVerifyInput = z.strictObject({});
