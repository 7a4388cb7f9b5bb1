import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backoffice } from '../api/service';
import { newToken, bearerOf } from './browser-host';
import { failure } from './http-answers';
import { apiRequestHandler, headerValue, type HostDoor } from './http-api';
import type { Clock } from '../api/clock';
import { processClock } from '../api/clock';
import { SESSION_ABSOLUTE_MS, SignedInClients } from './signed-in';

/**
 * The team server (shared/TEAM.md): the catalog over HTTPS on the address its administrator names, for
 * operators who sign in with their own login and password. Nothing secret travels in a URL.
 *
 * - A browser signs in with `POST /api/session.signIn`; its session comes back only as a cookie that page
 *   scripts cannot read (`__Host-…; HttpOnly; Secure; SameSite=Strict`). Every /api request made with that
 *   cookie must carry an Origin of this server (a page of another site cannot act with it, even where a
 *   browser would send the cookie).
 * - A desktop (issue 17: Electron's main process) signs in with the header `X-Backoffice-Client: desktop`;
 *   its session comes back in the body and is sent back as `Authorization: Bearer SESSION`, which no page
 *   can make a browser add by itself.
 * - Host must be one of the server's public names (the certificate's, or those the administrator names).
 * - A session unused for 30 minutes (`sessionIdleMinutes`), or begun 12 hours ago, is signed out (D-SEC-7).
 *   Ten failed sign-ins from one address within 15 minutes close signing in from that address (D-SEC-19), and
 *   failures for one login slow it down whatever the address (D-SEC-5): both in the catalog, counted from
 *   the audit log, where every attempt and every refusal is kept with its address.
 */

export const SESSION_COOKIE = '__Host-backoffice-session';
export const DESKTOP_CLIENT_HEADER = 'x-backoffice-client';

export interface TeamHostOptions {
  backoffice: Backoffice;
  /** The address to listen on, as given to --listen (0.0.0.0, a LAN address, 127.0.0.1…). */
  host: string;
  /** 0: a free port. */
  port: number;
  /** PEM certificate (chain) and private key. */
  tlsCert: string;
  tlsKey: string;
  /** The names clients reach the server by (host or host:port); default: the certificate's DNS names and IPs. */
  publicNames?: string[];
  staticDir?: string;
  maxBodyBytes?: number;
  /** The back office's clock, for session limits (default processClock). */
  clock?: Clock;
  /** Minutes a session may go unused before it ends (default 30). */
  sessionIdleMinutes?: number;
}

export interface TeamHost {
  /** https://NAME:PORT/ for the first public name. */
  url: string;
  port: number;
  /** Host header values answered (name:port). */
  hosts: string[];
  close(): Promise<void>;
}

/** The DNS names and IP addresses a certificate is valid for (its subjectAltName). */
export function certificateNames(pem: string): string[] {
  const san = new X509Certificate(pem).subjectAltName ?? '';
  return san
    .split(',')
    .map((part) => part.trim())
    .map((part) => /^(?:DNS|IP Address):(.+)$/.exec(part)?.[1] ?? '')
    .filter((name) => name !== '' && !name.includes('*'))
    .map((name) => name.toLowerCase());
}

/** The Host header values a public name is reached by: `name:port` (IPv6 in brackets), and `name` alone on 443. */
function hostHeaders(name: string, port: number): string[] {
  const n = name.toLowerCase();
  if (/^\[.*\]:\d+$/.test(n) || /^[^:[\]]+:\d+$/.test(n)) return [n];
  const host = n.includes(':') && !n.startsWith('[') ? `[${n}]` : n;
  return port === 443 ? [`${host}:443`, host] : [`${host}:${port}`];
}

function cookieOf(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

function teamDoor(hosts: () => string[]): HostDoor {
  const origins = () => hosts().map((h) => `https://${h}`);
  return {
    answersTo: (host) => hosts().includes(host),
    get name() {
      return hosts()[0] ?? '';
    },
    admit(req) {
      const url = req.url ?? '';
      if (url.includes('?'))
        return {
          refuse: failure(400, 'invalid', { code: 'request.query_string', message: 'the API takes no query string' }),
        };
      const bearer = bearerOf(req.headers.authorization);
      if (bearer !== null) return { client: bearer };
      // A cookie travels with any request the browser makes: only this server's own pages may use it.
      const origin = headerValue(req.headers.origin);
      const fetchSite = headerValue(req.headers['sec-fetch-site']);
      const sameOrigin = origin !== null ? origins().includes(origin.toLowerCase()) : fetchSite === 'same-origin';
      const desktop = headerValue(req.headers[DESKTOP_CLIENT_HEADER]) === 'desktop';
      if (!sameOrigin && !desktop)
        return {
          refuse: failure(403, 'forbidden', {
            code: 'request.cross_site',
            params: { origin: origins()[0] ?? '' },
            message: `requests come from this server's own pages (${origins()[0]})`,
          }),
        };
      return { client: cookieOf(req, SESSION_COOKIE) };
    },
    operationsNeedSession: true,
    sessionChanged(req, session): { headers: Record<string, string>; inBody: boolean } {
      const desktop = headerValue(req.headers[DESKTOP_CLIENT_HEADER]) === 'desktop';
      if (desktop) return { headers: {}, inBody: session !== null };
      const cookie =
        session === null
          ? `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`
          : `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${SESSION_ABSOLUTE_MS / 1000}`;
      return { headers: { 'Set-Cookie': cookie }, inBody: false };
    },
    headers: { 'Strict-Transport-Security': 'max-age=31536000' },
  };
}

export async function startTeamHost(options: TeamHostOptions): Promise<TeamHost> {
  const clock = options.clock ?? processClock();
  const names = options.publicNames?.length ? options.publicNames : certificateNames(options.tlsCert);
  if (names.length === 0)
    throw new Error('the certificate names no host (subjectAltName): give the server its name with --public-name');
  let hosts: string[] = [];
  const clients = new SignedInClients<string>(options.backoffice, {
    clock,
    ...(options.sessionIdleMinutes === undefined ? {} : { idleMs: options.sessionIdleMinutes * 60_000 }),
  });
  const door = teamDoor(() => hosts);
  const handler = apiRequestHandler(options, door, clients, newToken);
  const server: Server = createServer({ cert: options.tlsCert, key: options.tlsKey, minVersion: 'TLSv1.2' }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hosts = names.flatMap((n) => hostHeaders(n, port));
  return {
    url: `https://${hosts[0]}/`,
    port,
    hosts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
