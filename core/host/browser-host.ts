import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { processClock, type Clock } from '../api/clock';
import type { Backoffice } from '../api/service';
import { failure } from './http-answers';
import { apiRequestHandler, headerValue, type HostDoor } from './http-api';
import { SESSION_ABSOLUTE_MS, SignedInClients } from './signed-in';

/**
 * The Backoffice over HTTP on 127.0.0.1, for machines without Electron and for end-to-end tests in
 * Chromium. Every /api request carries the per-launch token; the built renderer is served as static files.
 */

export interface BrowserHostOptions {
  backoffice: Backoffice;
  /** 0 or absent: a free port. */
  port?: number;
  /** The built renderer (dist/renderer). Absent: only the API is served. */
  staticDir?: string;
  /** Largest request body accepted, in bytes (default 10 MiB: bank and usage files travel inline). */
  maxBodyBytes?: number;
  /** The back office's clock, for the token's and the sessions' limits (default processClock). */
  clock?: Clock;
  /** Minutes a session may go unused before it ends (default 30). */
  sessionIdleMinutes?: number;
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const BIND_ADDRESS = '127.0.0.1';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time: hashing first gives both sides the same length, so timingSafeEqual never throws or leaks it. */
export function tokenMatches(presented: string, token: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}

export function bearerOf(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1] ?? null;
}

/** D-SEC-7: the launch token works for as long as a session may last; then `backoffice serve` prints a new one. */
export const TOKEN_LIFETIME_MS = SESSION_ABSOLUTE_MS;

/**
 * The loopback door: the per-launch token as a bearer on every /api request (until it expires), the session in
 * an X-Session header the renderer keeps, answers only to 127.0.0.1:PORT and localhost:PORT.
 */
function tokenDoor(token: string, hosts: () => string[], expired: () => boolean): HostDoor {
  return {
    answersTo: (host) => hosts().includes(host),
    get name() {
      return hosts()[0] ?? BIND_ADDRESS;
    },
    admit(req) {
      const presented = bearerOf(req.headers.authorization);
      if (presented === null || !tokenMatches(presented, token))
        return {
          refuse: failure(401, 'unauthenticated', {
            code: 'request.wrong_token',
            message: 'missing or wrong token: open the URL printed by `backoffice serve`',
          }),
        };
      if (expired())
        return {
          refuse: failure(401, 'unauthenticated', {
            code: 'request.token_expired',
            message: 'the launch URL has expired: start backoffice serve again',
          }),
        };
      return { client: headerValue(req.headers['x-session']) };
    },
    operationsNeedSession: false,
    sessionChanged: () => ({ headers: {}, inBody: true }),
    headers: {},
  };
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = newToken();
  const clock = options.clock ?? processClock();
  const expires = clock().getTime() + TOKEN_LIFETIME_MS;
  let allowedHosts: string[] = [];
  const clients = new SignedInClients<string>(options.backoffice, {
    clock,
    ...(options.sessionIdleMinutes === undefined ? {} : { idleMs: options.sessionIdleMinutes * 60_000 }),
  });
  const server = createServer(
    apiRequestHandler(
      options,
      tokenDoor(
        token,
        () => allowedHosts,
        () => clock().getTime() >= expires,
      ),
      clients,
      newToken,
    ),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, BIND_ADDRESS, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = [`${BIND_ADDRESS}:${port}`, `localhost:${port}`];

  return {
    url: `http://${BIND_ADDRESS}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
