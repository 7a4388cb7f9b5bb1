import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role } from '../../core/api/service';
import {
  api,
  type CallResult,
  type OperationDescription,
  type OperationInput,
  type OperationName,
  type Output,
} from '../api/client';
import { readsChangedBy } from '../api/invalidation';
import { endsSignIn } from './expired';
import { rolesIn } from './roles';

export interface Operator {
  login: string;
  name: string;
  roles: Role[];
  /** An admin reset the password: the operator chooses a new one before anything else (D-SEC-6). */
  mustChangePassword?: boolean;
  /** The operations the catalog's roles let this operator call (session.signIn): what the screens offer. */
  operations: string[];
}

/** Calls an operation by name with its typed input, answering its typed output (core/api/catalog-types.ts). */
export type Call = <K extends OperationName>(operation: K, input: OperationInput<K>) => Promise<CallResult<Output<K>>>;

interface Session {
  operator: Operator | null;
  /** True when the host no longer knew this session (restarted, signed out elsewhere): sign-in says so. */
  expired: boolean;
  /** The catalog, when the transport can list it (the browser host can; Electron's bridge cannot). */
  catalog: OperationDescription[] | null;
  /** What the sign-in screen says after a sign-out that had a reason (a new password). */
  notice: string | null;
  signIn(login: string, password: string): Promise<CallResult<Output<'session.signIn'>>>;
  signOut(notice?: string): Promise<void>;
  /**
   * Calls an operation; an expired session sends the person back to sign-in, and a write that succeeded has
   * the reads it changed read again (renderer/api/invalidation.ts).
   */
  call: Call;
}

const OPERATOR_KEY = 'backoffice.operator';
const SessionContext = createContext<Session | null>(null);

/** The operator kept in sessionStorage across reloads (written by this window, read back defensively). */
function storedOperator(): Operator | null {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(OPERATOR_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return null;
    const { login, name, roles, operations, mustChangePassword } = saved as Record<string, unknown>;
    if (typeof login !== 'string' || typeof name !== 'string' || !Array.isArray(operations)) return null;
    return {
      login,
      name,
      roles: rolesIn(roles),
      operations: operations.filter((o) => typeof o === 'string'),
      mustChangePassword: mustChangePassword === true,
    };
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queries = useQueryClient();
  const [operator, setOperator] = useState<Operator | null>(storedOperator);
  const [catalog, setCatalog] = useState<OperationDescription[] | null>(null);
  const [expired, setExpired] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** Sign-ins and sign-outs so far: an answer knows which session its call was made in (D-UI-6). */
  const turn = useRef(0);

  useEffect(() => {
    let live = true;
    void api.operations().then((list) => live && setCatalog(list));
    return () => {
      live = false;
    };
  }, []);

  const remember = useCallback(
    (next: Operator | null) => {
      // What one operator read is never shown to the next.
      queries.clear();
      setOperator(next);
      if (next) sessionStorage.setItem(OPERATOR_KEY, JSON.stringify(next));
      else sessionStorage.removeItem(OPERATOR_KEY);
    },
    [queries],
  );

  const call: Call = useCallback(
    async (operation, input) => {
      const askedIn = turn.current;
      const result = await api.call(operation, input);
      if (!result.ok && endsSignIn(result, askedIn, turn.current)) {
        setExpired(true);
        remember(null);
      }
      if (result.ok) {
        const changed = readsChangedBy(operation);
        if (changed === 'all') void queries.invalidateQueries();
        else for (const read of changed) void queries.invalidateQueries({ queryKey: [read] });
      }
      return result;
    },
    [remember, queries],
  );

  const signIn = useCallback(
    async (login: string, password: string) => {
      const result = await api.call('session.signIn', { login, password });
      if (result.ok) {
        turn.current++;
        setExpired(false);
        setNotice(null);
        const { login: signedIn, name, roles, operations, mustChangePassword } = result.output;
        remember({ login: signedIn, name, roles, operations, mustChangePassword });
      }
      return result;
    },
    [remember],
  );

  const signOut = useCallback(
    async (reason?: string) => {
      turn.current++;
      await api.signOut();
      setNotice(reason ?? null);
      remember(null);
    },
    [remember],
  );

  const value = useMemo<Session>(
    () => ({ operator, expired, notice, catalog, signIn, signOut, call }),
    [operator, expired, notice, catalog, signIn, signOut, call],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
