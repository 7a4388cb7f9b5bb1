import { isIP } from 'node:net';
import { request } from 'node:https';
import type { CallResult } from '../../api/service';
import { isProblemCode } from '../../problem-codes';
import { DESKTOP_CLIENT_HEADER } from '../team-host';
import { isCallFailureKind } from '../../api/failure-kinds';

/** The team server did not answer (no route, refused, TLS failed, timed out): the desktop is offline. */
export class Unreachable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unreachable';
  }
}

export interface ServerLinkOptions {
  /** https://NAME:PORT/ of the team server. */
  url: string;
  /**
   * The company's CA certificate (PEM). Given, the server's certificate must chain to it and only to it (D-SYNC-9:
   * pinning); absent, the system's trusted CAs check it as a browser would.
   */
  ca?: string | undefined;
  /** Milliseconds before a call that got no answer counts as offline (default 10 s). */
  timeoutMs?: number;
}

/** The address the desktop reaches the server by: https only (D-SYNC-9). */
export function teamServerUrl(text: string): URL {
  const url = new URL(text);
  if (url.protocol !== 'https:') throw new Error(`the team server is reached over https, not ${url.protocol}`);
  return new URL(`${url.origin}/`);
}

/** What the desktop needs of its line to the server. */
export interface ServerLine {
  readonly url: URL;
  readonly hasSession: boolean;
  /** Signs in and keeps the session for the calls that follow. */
  signIn(login: string, password: string): Promise<CallResult>;
  /** One operation; throws Unreachable when the server did not answer. */
  call(operation: string, input: unknown): Promise<CallResult>;
}

/**
 * The desktop's line to the team server: one operation per HTTPS request, with the session the server gave at
 * sign-in as a bearer (kept here, in the main process, never in the renderer). The certificate is checked
 * against the system's CAs or the company's pinned CA, and the name against the URL.
 */
export class ServerLink implements ServerLine {
  readonly url: URL;
  private session: string | null = null;

  constructor(private readonly options: ServerLinkOptions) {
    this.url = teamServerUrl(options.url);
  }

  get hasSession(): boolean {
    return this.session !== null;
  }

  forgetSession(): void {
    this.session = null;
  }

  /** Signs in; the session is kept for the calls that follow. */
  async signIn(login: string, password: string): Promise<CallResult> {
    this.session = null;
    const { result, session } = await this.post('session.signIn', { login, password });
    if (result.ok && typeof session === 'string') this.session = session;
    return result;
  }

  async call(operation: string, input: unknown): Promise<CallResult> {
    return (await this.post(operation, input)).result;
  }

  private post(operation: string, input: unknown): Promise<{ result: CallResult; session?: unknown }> {
    const body = JSON.stringify(input ?? {});
    const ca = this.options.ca;
    const host = this.url.hostname.replace(/^\[|\]$/g, '');
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host,
          port: this.url.port === '' ? 443 : Number(this.url.port),
          path: `/api/${encodeURIComponent(operation)}`,
          method: 'POST',
          ...(ca === undefined ? {} : { ca }),
          // SNI names a host, never an address (RFC 6066); the certificate is checked against either.
          ...(isIP(host) === 0 ? { servername: host } : {}),
          timeout: this.options.timeoutMs ?? 10_000,
          headers: {
            Host: this.url.host,
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            [DESKTOP_CLIENT_HEADER]: 'desktop',
            ...(this.session === null ? {} : { Authorization: `Bearer ${this.session}` }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (e) => reject(new Unreachable(e.message)));
          res.on('end', () => {
            try {
              resolve(answerOf(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(new Unreachable(e instanceof Error ? e.message : String(e)));
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('the team server did not answer in time')));
      req.on('error', (e) => reject(new Unreachable(e.message)));
      req.end(body);
    });
  }
}

/** A server answer as the catalog's CallResult; a 5xx that is not the catalog's own (a proxy's) counts as offline. */
export function answerOf(status: number, text: string): { result: CallResult; session?: unknown } {
  const body = JSON.parse(text === '' ? '{}' : text) as Record<string, unknown>;
  if (status === 200) return { result: { ok: true, output: body.output ?? null }, session: body.session };
  const kind = isCallFailureKind(body.kind) ? body.kind : null;
  if (kind === null) throw new Error(`the team server answered ${status} without a refusal`);
  return {
    result: {
      ok: false,
      kind,
      code: isProblemCode(body.code) ? body.code : 'operation.failed',
      message: typeof body.message === 'string' ? body.message : `refused (${status})`,
      ...(typeof body.params === 'object' && body.params !== null
        ? { params: body.params as Record<string, string | number> }
        : {}),
      ...(Array.isArray(body.problems) ? { problems: body.problems as never } : {}),
    },
  };
}
