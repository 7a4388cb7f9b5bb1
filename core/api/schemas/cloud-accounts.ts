import { z } from 'zod';
import { cloudAccountCode, memberNumber } from './common';

export const createCloudAccountInput = z.strictObject({
  memberNumber,
  label: z
    .string({ error: 'a label' })
    .trim()
    .min(1, 'a label is required')
    .max(100, 'at most 100 characters')
    .optional(),
});
export const listCloudAccountsInput = z.strictObject({ memberNumber });
export const getCloudAccountInput = z.strictObject({ code: cloudAccountCode });

/** R-PRE-11: accounting closes (deletes) a cloud account, saying why. */
export const closeCloudAccountInput = z.strictObject({
  code: cloudAccountCode,
  reason: z.string({ error: 'a reason' }).trim().min(1, 'a reason is required').max(200, 'at most 200 characters'),
});
