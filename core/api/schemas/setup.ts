import { z } from 'zod';
import { displayName, login, newPassword } from './common';

export const setupStatusInput = z.strictObject({});
export const createFirstAdminInput = z.strictObject({ login, displayName, password: newPassword });
export const loadDemoInput = z.strictObject({
  seed: z.number({ error: 'a whole number' }).int('a whole number').min(0, 'zero or more').default(1),
  members: z
    .number({ error: 'a whole number' })
    .int('a whole number')
    .min(1, 'at least 1')
    .max(5000, 'at most 5000')
    .default(300),
});
