/** The roles an operator may hold; each operation of the catalog names the ones allowed to call it. */
export const ROLES = ['sales', 'accounting', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Whether an operator holding `held` may call an operation allowed to `allowed` (none listed: anyone). */
export function rolesAllow(allowed: readonly Role[], held: readonly Role[]): boolean {
  return allowed.length === 0 || allowed.some((r) => held.includes(r));
}
