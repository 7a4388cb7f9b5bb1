import type { Backoffice, CallResult } from '../api/service';

/**
 * Who is signed in, kept by the transport per client and never taken from a request body. A client is
 * whatever the transport can tell apart: an HTTP session ID, an Electron webContents id.
 */

export const SIGN_IN = 'session.signIn';
export const SIGN_OUT = 'session.signOut';

export interface ClientCall<K> {
  result: CallResult;
  /** Set when this call signed a client in: the key under which the login is now remembered. */
  signedInAs?: K;
  /** Set when this call signed the client out. */
  signedOut?: true;
}

export interface SignedInOptions {
  /** A client unseen for this long is signed out (default: never). */
  idleMs?: number;
  /** A monotonic clock in milliseconds (default performance.now): idle time is a duration, not a date. */
  monotonicMs?: () => number;
}

export class SignedInClients<K> {
  private readonly logins = new Map<K, { login: string; seen: number }>();
  private readonly monotonicMs: () => number;

  constructor(
    private readonly backoffice: Backoffice,
    private readonly options: SignedInOptions = {},
  ) {
    this.monotonicMs = options.monotonicMs ?? (() => performance.now());
  }

  /** The login a client is signed in as; a client idle past idleMs is forgotten first. */
  loginOf(client: K | null | undefined): string | null {
    if (client == null) return null;
    const entry = this.logins.get(client);
    if (!entry) return null;
    const now = this.monotonicMs();
    if (this.options.idleMs !== undefined && now - entry.seen > this.options.idleMs) {
      this.logins.delete(client);
      return null;
    }
    entry.seen = now;
    return entry.login;
  }

  forget(client: K | null | undefined): void {
    if (client != null) this.logins.delete(client);
  }

  /** How many clients are signed in (for tests and diagnostics). */
  get size(): number {
    return this.logins.size;
  }

  /**
   * Runs one operation for a client. A successful sign-in forgets whatever the client was signed in as and
   * remembers the new login under `keyForSignIn()`; an HTTP host returns a fresh random key there so a
   * session ID is never reused across sign-ins.
   */
  async call(client: K | null, operation: string, input: unknown, keyForSignIn: () => K): Promise<ClientCall<K>> {
    if (operation === SIGN_IN) return this.signIn(client, input, keyForSignIn);
    if (operation === SIGN_OUT) return { result: await this.signOut(client, input), signedOut: true };
    return { result: await this.backoffice.call(operation, input, this.loginOf(client)) };
  }

  private async signIn(client: K | null, input: unknown, keyForSignIn: () => K): Promise<ClientCall<K>> {
    this.forget(client);
    const result = await this.backoffice.call(SIGN_IN, input, null);
    if (!result.ok) return { result };
    const login = signedInLogin(result.output);
    if (login === null) {
      return {
        result: { ok: false, kind: 'failed', code: 'operation.failed', message: `${SIGN_IN} answered without a login` },
      };
    }
    const key = keyForSignIn();
    this.logins.set(key, { login, seen: this.monotonicMs() });
    return { result, signedInAs: key };
  }

  /** Signing out always succeeds for the transport; the catalog's own signOut (if any) is told, for its audit trail. */
  private async signOut(client: K | null, input: unknown): Promise<CallResult> {
    const login = this.loginOf(client);
    this.forget(client);
    const catalogHasSignOut = this.backoffice.operations().some((o) => o.name === SIGN_OUT);
    if (catalogHasSignOut && login !== null) return this.backoffice.call(SIGN_OUT, input ?? {}, login);
    return { ok: true, output: null };
  }
}

function signedInLogin(output: unknown): string | null {
  if (typeof output !== 'object' || output === null) return null;
  const login = (output as { login?: unknown }).login;
  return typeof login === 'string' && login !== '' ? login : null;
}
