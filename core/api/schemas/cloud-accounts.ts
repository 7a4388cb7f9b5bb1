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
