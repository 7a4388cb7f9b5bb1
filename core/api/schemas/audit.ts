import { z } from 'zod';
import { instant, login, page, pageSize } from './common';

export const listAuditInput = z.strictObject({
  operator: login.optional(),
  operation: z.string({ error: 'an operation name' }).max(100, 'at most 100 characters').optional(),
  from: instant.optional(),
  to: instant.optional(),
  page,
  pageSize,
});
