import type { OperationName } from '../api/client';
import { useSession } from './session';

/**
 * Whether the signed-in operator's roles allow an operation, by the catalog's listing. Unknown (no listing,
 * as under Electron) counts as allowed: the call itself then answers, and a refusal is explained.
 */
export function useMayCall(): (operation: OperationName) => boolean {
  const { operator, catalog } = useSession();
  return (operation) => {
    const allowed = catalog?.find((op) => op.name === operation)?.roles;
    if (!allowed) return true;
    return allowed.length === 0 || operator?.roles.some((r) => allowed.includes(r)) === true;
  };
}
