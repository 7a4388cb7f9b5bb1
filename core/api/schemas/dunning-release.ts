import { z } from 'zod';

// Node-free: the renderer validates the supervisor's release and hold forms with them.

export const releaseCommandInput = z.strictObject({ outboxId: z.number().int().positive() });

export const holdAtSuspendInput = z.strictObject({
  outboxId: z.number().int().positive(),
  /** Why the account is kept at Suspend instead of deleting its VMs. */
  reason: z.string().trim().min(1, { error: 'say why the account is held' }).max(500),
});
