import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backoffice } from '../api/service';
import { rendererHeaders } from './content-security-policy';
import { answerOf, failure, type HttpAnswer } from './http-answers';
import { SignedInClients } from './signed-in';
import { resolveRendererFile } from './static-files';

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
}

export interface BrowserHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const BIND_ADDRESS = '127.0.0.1';
const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
const OPERATION_NAME = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;

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

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = newToken();
  const clients = new SignedInClients<string>(options.backoffice);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent)
        sendJson(
          res,
          failure(500, 'failed', { code: 'operation.failed', message: e instanceof Error ? e.message : String(e) }),
        );
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host: refuse it.
    if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
      req.resume();
      return sendJson(
        res,
        failure(403, 'forbidden', {
          code: 'request.wrong_host',
          params: { host: allowedHosts[0] ?? '' },
          message: `this host answers only to ${allowedHosts[0]}`,
        }),
      );
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/api' || pathname.startsWith('/api/')) return handleApi(req, res, pathname.slice('/api/'.length));
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(
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
    const presented = bearerOf(req.headers.authorization);
    if (presented === null || !tokenMatches(presented, token)) {
      req.resume();
      return sendJson(
        res,
        failure(401, 'unauthenticated', {
          code: 'request.wrong_token',
          message: 'missing or wrong token: open the URL printed by `backoffice serve`',
        }),
      );
    }
    if (name === 'operations' && req.method === 'GET') {
      req.resume();
      return sendJson(res, { status: 200, body: options.backoffice.operations() });
    }
    if (req.method !== 'POST') {
      req.resume();
      return sendJson(
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
      return sendJson(
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
      return sendJson(
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
    if ('answer' in input) return sendJson(res, input.answer);
    const session = headerValue(req.headers['x-session']);
    const { result, signedInAs } = await clients.call(session, operation, input.value, newToken);
    return sendJson(res, answerOf(result, signedInAs));
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const found = options.staticDir === undefined ? null : await resolveRendererFile(options.staticDir, pathname);
    if (found === null) {
      res.writeHead(404, { ...rendererHeaders("'self'"), 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, { ...rendererHeaders("'self'"), 'Content-Type': found.mediaType, 'Cache-Control': 'no-cache' });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

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

function decodeOperationName(raw: string): string | null {
  try {
    const name = decodeURIComponent(raw);
    return OPERATION_NAME.test(name) ? name : null;
  } catch {
    return null;
  }
}

function headerValue(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
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
  try {
    return { value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch (e) {
    return {
      answer: failure(400, 'invalid', { code: 'request.not_json', message: 'the body is not valid JSON' }, [
        { path: 'body', code: 'request.not_json', message: e instanceof Error ? e.message : 'not valid JSON' },
      ]),
    };
  }
}

function sendJson(res: ServerResponse, answer: HttpAnswer): void {
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}
