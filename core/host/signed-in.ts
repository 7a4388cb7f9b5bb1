import { processClock, type Clock } from '../api/clock';
import type { Backoffice, CallOrigin, CallResult } from '../api/service';

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

/** D-SEC-7: a session unused for 30 minutes ends (each door may set its own), and any session after 12 hours. */
export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;

export interface SignedInOptions {
  /** A client unseen for this long is signed out (default SESSION_IDLE_MS). */
  idleMs?: number;
  /** A client signed in this long ago is signed out, however busy (default SESSION_ABSOLUTE_MS). */
  absoluteMs?: number;
  /** The back office's clock (default processClock: tests fix it). */
  clock?: Clock;
}

/** Refusals after which the transport forgets the client: its session, or its operator, is no more. */
const SESSION_GONE = new Set(['session.ended', 'operator.not_found']);
/** Operations that end the caller's own sessions when they succeed (D-SEC-7). */
const ENDS_OWN_SESSIONS = new Set(['session.changePassword', 'session.signOutEverywhere']);

interface Session {
  login: string;
  /** The operator's session generation when they signed in (D-SEC-7). */
  generation: number;
  since: number;
  seen: number;
}

export class SignedInClients<K> {
  private readonly logins = new Map<K, Session>();
  private readonly clock: Clock;
  private readonly idleMs: number;
  private readonly absoluteMs: number;

  constructor(
    private readonly backoffice: Backoffice,
    options: SignedInOptions = {},
  ) {
    this.clock = options.clock ?? processClock();
    this.idleMs = options.idleMs ?? SESSION_IDLE_MS;
    this.absoluteMs = options.absoluteMs ?? SESSION_ABSOLUTE_MS;
  }

  private session(client: K | null | undefined): Session | null {
    if (client == null) return null;
    const entry = this.logins.get(client);
    if (!entry) return null;
    const now = this.clock().getTime();
    if (now - entry.seen > this.idleMs || now - entry.since > this.absoluteMs) {
      this.logins.delete(client);
      return null;
    }
    entry.seen = now;
    return entry;
  }

  /** The login a client is signed in as; a client idle past idleMs, or signed in past absoluteMs, is forgotten first. */
  loginOf(client: K | null | undefined): string | null {
    return this.session(client)?.login ?? null;
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
   * session ID is never reused across sign-ins. `origin`: the request's address, for the audit log and the
   * sign-in backoff per address (D-SEC-19).
   */
  async call(
    client: K | null,
    operation: string,
    input: unknown,
    keyForSignIn: () => K,
    origin?: CallOrigin,
  ): Promise<ClientCall<K>> {
    if (operation === SIGN_IN) return this.signIn(client, input, keyForSignIn, origin);
    if (operation === SIGN_OUT) return { result: await this.signOut(client, input, origin), signedOut: true };
    const session = this.session(client);
    const result = await this.backoffice.call(
      operation,
      input,
      session?.login ?? null,
      session ? { generation: session.generation } : undefined,
      origin,
    );
    if ((!result.ok && session && SESSION_GONE.has(result.code)) || (result.ok && ENDS_OWN_SESSIONS.has(operation))) {
      this.forget(client);
      return { result, signedOut: true };
    }
    return { result };
  }

  private async signIn(
    client: K | null,
    input: unknown,
    keyForSignIn: () => K,
    origin: CallOrigin | undefined,
  ): Promise<ClientCall<K>> {
    this.forget(client);
    const result = await this.backoffice.call(SIGN_IN, input, null, undefined, origin);
    if (!result.ok) return { result };
    const login = signedInLogin(result.output);
    if (login === null) {
      return {
        result: { ok: false, kind: 'failed', code: 'operation.failed', message: `${SIGN_IN} answered without a login` },
      };
    }
    const key = keyForSignIn();
    const now = this.clock().getTime();
    this.logins.set(key, { login, generation: generationOf(result.output), since: now, seen: now });
    return { result, signedInAs: key };
  }

  /** Signing out always succeeds for the transport; the catalog's own signOut (if any) is told, for its audit trail. */
  private async signOut(client: K | null, input: unknown, origin: CallOrigin | undefined): Promise<CallResult> {
    const login = this.loginOf(client);
    this.forget(client);
    const catalogHasSignOut = this.backoffice.operations().some((o) => o.name === SIGN_OUT);
    if (catalogHasSignOut && login !== null)
      return this.backoffice.call(SIGN_OUT, input ?? {}, login, undefined, origin);
    return { ok: true, output: null };
  }
}

function generationOf(output: unknown): number {
  const generation = (output as { sessionGeneration?: unknown }).sessionGeneration;
  return typeof generation === 'number' ? generation : 0;
}

function signedInLogin(output: unknown): string | null {
  if (typeof output !== 'object' || output === null) return null;
  const login = (output as { login?: unknown }).login;
  return typeof login === 'string' && login !== '' ? login : null;
}
