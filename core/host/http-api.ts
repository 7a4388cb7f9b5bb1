import { createReadStream } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Backoffice } from '../api/service';
import { jsonTextTooDeep, tooDeep, UnreadableInput } from '../api/input-depth';
import { rendererHeaders } from './content-security-policy';
import { answerOf, failure, type HttpAnswer } from './http-answers';
import { SignedInClients } from './signed-in';
import { resolveRendererFile } from './static-files';

/**
 * The catalog over HTTP, whoever the callers are: `POST /api/OPERATION` with a JSON body, `GET /api/operations`,
 * and the built renderer as static files. What differs between the loopback browser host (a per-launch token)
 * and the team server (operators signed in over TLS) is its door: which Host it answers to, how a request
 * proves who it comes from, and how a new session goes back to the client.
 */

export interface HostDoor {
  /** Whether the request's Host header (lower case) names this host. */
  answersTo(host: string): boolean;
  /** The name to give in the refusal of another Host. */
  readonly name: string;
  /**
   * Who an /api request comes from: the session key it carries (null: nobody signed in), or the answer that
   * refuses it (a missing token, a cross-site request).
   */
  admit(req: IncomingMessage): { client: string | null } | { refuse: HttpAnswer };
  /** Whether listing the catalog needs a signed-in client (true on the team server). */
  readonly operationsNeedSession: boolean;
  /** Headers, and whether the body carries the session, once a client signed in (session) or out (null). */
  sessionChanged(req: IncomingMessage, session: string | null): { headers: Record<string, string>; inBody: boolean };
  /** Headers sent with every answer (HSTS on TLS). */
  readonly headers: Record<string, string>;
}

export interface ApiOptions {
  backoffice: Backoffice;
  /** The built renderer (dist/renderer). Absent: only the API is served. */
  staticDir?: string;
  /** Largest request body accepted, in bytes (default 10 MiB: bank and usage files travel inline). */
  maxBodyBytes?: number;
}

const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

export function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

/** The request handler of a host: its door checks every request before the catalog sees it. */
export function apiRequestHandler(
  options: ApiOptions,
  door: HostDoor,
  clients: SignedInClients<string>,
  newSession: () => string,
): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const send = (res: ServerResponse, answer: HttpAnswer, headers: Record<string, string> = {}) =>
    sendJson(res, answer, { ...door.headers, ...headers });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that rebinds its DNS name to this address still sends its own Host: refuse it.
    if (!door.answersTo((req.headers.host ?? '').toLowerCase())) {
      req.resume();
      return send(
        res,
        failure(403, 'forbidden', {
          code: 'request.wrong_host',
          params: { host: door.name },
          message: `this host answers only to ${door.name}`,
        }),
      );
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(
        res,
        failure(405, 'invalid', {
          code: 'request.method_not_allowed',
          params: { method: req.method ?? '' },
          message: `${req.method} is not served here`,
        }),
      );
    return serveStatic(req, res, pathname);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const admitted = door.admit(req);
    if ('refuse' in admitted) {
      req.resume();
      return send(res, admitted.refuse);
    }
    const { client } = admitted;
    if (name === 'operations' && req.method === 'GET') {
      req.resume();
      if (door.operationsNeedSession && clients.loginOf(client) === null)
        return send(res, failure(401, 'unauthenticated', { code: 'request.sign_in_first', message: 'sign in first' }));
      return send(res, { status: 200, body: options.backoffice.operations() });
    }
    if (req.method !== 'POST') {
      req.resume();
      return send(
        res,
        failure(405, 'invalid', {
          code: 'request.method_not_allowed',
          params: { method: req.method ?? '' },
          message: `use POST /api/OPERATION`,
        }),
      );
    }
    const operation = decodeOperationName(name);
    if (operation === null) {
      req.resume();
      return send(
        res,
        failure(404, 'unknown_operation', {
          code: 'operation.unknown',
          params: { operation: name },
          message: `no operation named ${JSON.stringify(name)}`,
        }),
      );
    }
    const body = await readBody(req, maxBodyBytes);
    if (body.kind === 'too_large') {
      res.setHeader('Connection', 'close');
      return send(
        res,
        failure(
          413,
          'invalid',
          {
            code: 'request.too_large',
            params: { bytes: maxBodyBytes },
            message: `request body larger than ${maxBodyBytes} bytes`,
          },
          [
            {
              path: 'body',
              code: 'request.too_large',
              params: { bytes: maxBodyBytes },
              message: `larger than ${maxBodyBytes} bytes`,
            },
          ],
        ),
      );
    }
    const input = parseInput(body.bytes, req.headers['content-type']);
    if ('answer' in input) return send(res, input.answer);
    const origin = { address: req.socket.remoteAddress ?? '' };
    const { result, signedInAs, signedOut } = await clients.call(client, operation, input.value, newSession, origin);
    if (signedInAs !== undefined || signedOut) {
      const { headers, inBody } = door.sessionChanged(req, signedInAs ?? null);
      return send(res, answerOf(result, inBody ? signedInAs : undefined), headers);
    }
    return send(res, answerOf(result));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const found = options.staticDir === undefined ? null : await resolveRendererFile(options.staticDir, pathname);
    if (found === null) {
      res.writeHead(404, {
        ...door.headers,
        ...rendererHeaders("'self'"),
        'Content-Type': 'text/plain; charset=utf-8',
      });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      ...door.headers,
      ...rendererHeaders("'self'"),
      'Content-Type': found.mediaType,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  return (req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        send(
          res,
          failure(500, 'failed', { code: 'operation.failed', message: e instanceof Error ? e.message : String(e) }),
        );
      else res.destroy();
    });
  };
}

function decodeOperationName(raw: string): string | null {
  try {
    const name = decodeURIComponent(raw);
    return OPERATION_NAME.test(name) ? name : null;
  } catch {
    return null;
  }
}

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large' };

/** Collects the body up to the limit; past it, the rest is drained unread so the 413 can still be answered. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.resolve({ kind: 'too_large' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      req.off('data', collect);
      req.resume();
      resolve({ kind: 'too_large' });
    };
    req.on('data', collect);
    req.on('end', () => resolve({ kind: 'ok', bytes: Buffer.concat(chunks) }));
    req.on('error', reject);
  });
}

function parseInput(bytes: Buffer, contentType: string | undefined): { value: unknown } | { answer: HttpAnswer } {
  if (bytes.length === 0) return { value: {} };
  if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) {
    return {
      answer: failure(415, 'invalid', { code: 'request.not_json', message: 'send the input as JSON' }, [
        { path: 'body', code: 'request.not_json', message: 'Content-Type must be application/json' },
      ]),
    };
  }
  const text = bytes.toString('utf8');
  if (jsonTextTooDeep(text)) return { value: new UnreadableInput(tooDeep('body')) };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      answer: failure(400, 'invalid', { code: 'request.not_json', message: 'the body is not valid JSON' }, [
        { path: 'body', code: 'request.not_json', message: e instanceof Error ? e.message : 'not valid JSON' },
      ]),
    };
  }
}

function sendJson(res: ServerResponse, answer: HttpAnswer, headers: Record<string, string>): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}
