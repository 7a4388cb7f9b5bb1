import type { OperationName } from '../api/client';
import { useSession } from './session';

/**
 * Whether the signed-in operator may call an operation: the catalog's roles, as signing in answered them
 * (session.signIn's `operations`), so a screen never offers what would be refused.
 */
export function useMayCall(): (operation: OperationName) => boolean {
  const { operator } = useSession();
  return (operation) => operator?.operations.includes(operation) === true;
}
