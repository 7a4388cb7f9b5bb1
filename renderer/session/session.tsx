import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { OperationDescription, Role } from '../../core/api/service';
import { api, type CallResult } from '../api/client';
import { rolesIn } from './roles';

export interface Operator {
  login: string;
  name: string;
  roles: Role[];
}

interface Session {
  operator: Operator | null;
  /** True when the host no longer knew this session (restarted, signed out elsewhere): sign-in says so. */
  expired: boolean;
  /** The catalog, when the transport can list it (the browser host can; Electron's bridge cannot). */
  catalog: OperationDescription[] | null;
  signIn(login: string, password: string): Promise<CallResult>;
  signOut(): Promise<void>;
  /** Calls an operation; an expired session sends the person back to sign-in. */
  call(operation: string, input: unknown): Promise<CallResult>;
}

const OPERATOR_KEY = 'backoffice.operator';
const SessionContext = createContext<Session | null>(null);

export function toOperator(value: unknown): Operator | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.login !== 'string') return null;
  return { login: v.login, name: typeof v.name === 'string' ? v.name : v.login, roles: rolesIn(v.roles) };
}

function storedOperator(): Operator | null {
  try {
    const saved = sessionStorage.getItem(OPERATOR_KEY);
    return saved ? toOperator(JSON.parse(saved)) : null;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [operator, setOperator] = useState<Operator | null>(storedOperator);
  const [catalog, setCatalog] = useState<OperationDescription[] | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let live = true;
    void api.operations().then((list) => live && setCatalog(list));
    return () => {
      live = false;
    };
  }, []);

  const remember = useCallback((next: Operator | null) => {
    setOperator(next);
    if (next) sessionStorage.setItem(OPERATOR_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(OPERATOR_KEY);
  }, []);

  const call = useCallback(
    async (operation: string, input: unknown) => {
      const result = await api.call(operation, input);
      if (!result.ok && result.kind === 'unauthenticated') {
        setExpired(true);
        remember(null);
      }
      return result;
    },
    [remember],
  );

  const signIn = useCallback(
    async (login: string, password: string) => {
      const result = await api.call('session.signIn', { login, password });
      if (result.ok) setExpired(false);
      if (result.ok) remember(toOperator(result.output) ?? { login, name: login, roles: [] });
      return result;
    },
    [remember],
  );

  const signOut = useCallback(async () => {
    await api.call('session.signOut', {});
    remember(null);
  }, [remember]);

  const value = useMemo<Session>(
    () => ({ operator, expired, catalog, signIn, signOut, call }),
    [operator, expired, catalog, signIn, signOut, call],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
