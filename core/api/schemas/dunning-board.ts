import { z } from 'zod';
import { memberNumber } from './common';

// Node-free: the renderer may validate the dunning board's filter with it.

export const dunningBoardInput = z.strictObject({
  /** Only accounts in this status; default every account that is not active or has a status history. */
  status: z
    .enum(['active', 'restricted', 'suspended', 'terminated'], { error: 'active, restricted, suspended or terminated' })
    .optional(),
  /** Only this member's accounts, every status (a member's page shows its status history). */
  memberNumber: memberNumber.optional(),
});
