import { ROLES, type Role } from '../../core/api/service';

/** The known roles in a catalog output, in the catalog's order; anything else is dropped. */
export function rolesIn(value: unknown): Role[] {
  return Array.isArray(value) ? ROLES.filter((r) => value.includes(r)) : [];
}
