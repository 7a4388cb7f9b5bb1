import { z } from 'zod';
import { ROLES } from '../../parties/roles';
import { displayName, login, newPassword } from './common';

const roles = z
  .array(z.enum(ROLES, { error: `one of ${ROLES.join(', ')}` }))
  .min(1, 'at least one role')
  .refine((r) => new Set(r).size === r.length, {
    params: { code: 'roles.duplicate' },
    message: 'a role is listed twice',
  });

export const createOperatorInput = z.strictObject({ login, displayName, password: newPassword, roles });
export const listOperatorsInput = z.strictObject({});
export const setOperatorRolesInput = z.strictObject({ login, roles });
export const operatorLoginInput = z.strictObject({ login });
export const resetPasswordInput = z.strictObject({ login, password: newPassword });
