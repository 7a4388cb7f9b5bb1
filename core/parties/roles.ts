/** The roles an operator may hold; each operation of the catalog names the ones allowed to call it. */
export const ROLES = ['sales', 'accounting', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
