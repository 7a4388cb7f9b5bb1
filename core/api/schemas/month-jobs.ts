import { z } from 'zod';
import { billingMonthKey, statementNumber } from './billing';
import { VOLUME_SIZE } from '../../close/volumes';

// Node-free: the renderer validates its month screens with them.

export const usageImportIdInput = z.strictObject({
  usageImportId: z.number({ error: 'a usage import' }).int().positive(),
});

export const usageImportsInput = z.strictObject({ month: billingMonthKey.optional() });

export const monthStatementsInput = z.strictObject({
  month: billingMonthKey,
  paymentMethod: z.enum(['bank_transfer', 'direct_debit', 'credit_card']).optional(),
  /** Only statements never printed nor sent. */
  notYetDelivered: z.boolean().optional(),
});

export const recordDeliveriesInput = z.strictObject({
  month: billingMonthKey,
  statementNumbers: z.array(statementNumber).min(1, 'at least one statement').max(VOLUME_SIZE),
  how: z.enum(['printed', 'sent']),
});
