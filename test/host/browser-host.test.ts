import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { httpTransport } from '../../renderer/api/http-transport';
import { wordRefusal } from '../../renderer/i18n/problems';
import { MemoryStorage } from '../renderer/memory-storage';
import { answering, FakeBackoffice } from './fake-backoffice';

let host: BrowserHost;
let backoffice: FakeBackoffice;
let work: string;
let base: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'browser-host-'));
  const staticDir = path.join(work, 'renderer');
  mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>bo</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(work, 'secret.txt'), 'outside the renderer');
  backoffice = new FakeBackoffice();
  host = await startBrowserHost({ backoffice, staticDir, maxBodyBytes: 1024 });
  base = `http://127.0.0.1:${host.port}`;
});

afterAll(async () => {
  await host.close();
  rmSync(work, { recursive: true, force: true });
});

function api(operation: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/${operation}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
}

async function signIn(login: string, password: string): Promise<string> {
  const res = await api('session.signIn', { login, password });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { session: string };
  return body.session;
}

/** A request sent byte for byte (fetch would normalise `..` away). */
function rawGet(rawPath: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: rawPath, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host: the HTTP doors contract', () => {
  it('gives a URL on 127.0.0.1 with a fresh base64url token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startBrowserHost({ backoffice });
    try {
      expect(other.token).not.toBe(host.token);
      expect(other.port).not.toBe(host.port);
    } finally {
      await other.close();
    }
  });

  it("binds 127.0.0.1 only: the machine's other addresses refuse the connection", async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal);
    for (const address of external) {
      const refused = await new Promise<boolean>((resolve) => {
        const socket = connect({ host: address!.address, port: host.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve(false);
        });
        socket.once('error', () => resolve(true));
      });
      expect(refused, `connection on ${address!.address}`).toBe(true);
    }
    const loopback = await fetch(`${base}/api/operations`, { headers: { Authorization: `Bearer ${host.token}` } });
    expect(loopback.status).toBe(200);
  });

  it('answers 401 unauthenticated without a token, with a wrong token, and with a token in the wrong scheme', async () => {
    const none = await fetch(`${base}/api/setup.status`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ kind: 'unauthenticated' });
    const wrong = await api('setup.status', {}, { Authorization: `Bearer ${host.token.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    const basic = await api('setup.status', {}, { Authorization: `Basic ${host.token}` });
    expect(basic.status).toBe(401);
    const catalog = await fetch(`${base}/api/operations`);
    expect(catalog.status).toBe(401);
    expect(backoffice.calls.filter((c) => c.operation === 'setup.status')).toHaveLength(0);
  });

  it('answers 200 {output} for an operation anyone may call, with no operator', async () => {
    const res = await api('setup.status', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ output: { hasOperators: true } });
    expect(backoffice.calls.at(-1)).toEqual({ operation: 'setup.status', input: {}, operatorLogin: null });
  });

  it('GET /api/operations returns the catalog', async () => {
    const res = await fetch(`${base}/api/operations`, { headers: { Authorization: `Bearer ${host.token}` } });
    const catalog = (await res.json()) as { name: string }[];
    expect(catalog.map((o) => o.name)).toEqual([
      'session.signIn',
      'setup.status',
      'members.create',
      'operators.create',
    ]);
  });

  it('answers 401 for an operation that needs an operator when nobody is signed in', async () => {
    const res = await api('members.create', { name: '株式会社テスト' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      kind: 'unauthenticated',
      code: 'operation.needs_sign_in',
      params: { operation: 'members.create' },
      message: 'sign in first',
    });
  });

  it('signs in, answers {output, session}, and passes that login on calls carrying X-Session', async () => {
    const res = await api('session.signIn', { login: 'sato', password: 'sales-pass' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { output: unknown; session: string };
    expect(body.output).toEqual({ login: 'sato', name: '佐藤', roles: ['sales'] });
    expect(body.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const created = await api('members.create', { name: '株式会社テスト' }, { 'X-Session': body.session });
    expect(created.status).toBe(200);
    expect(await created.json()).toEqual({
      output: { memberId: 'M000001', name: '株式会社テスト', createdBy: 'sato' },
    });
    expect(backoffice.calls.at(-1)?.operatorLogin).toBe('sato');
  });

  it('never takes the operator from the body: a login field in the input changes nothing', async () => {
    const session = await signIn('sato', 'sales-pass');
    await api('members.create', { name: 'X', operatorLogin: 'admin', login: 'admin' }, { 'X-Session': session });
    expect(backoffice.calls.at(-1)?.operatorLogin).toBe('sato');
    const forged = await api('operators.create', { operatorLogin: 'admin' }, { 'X-Session': 'admin' });
    expect(forged.status).toBe(401);
  });

  it('answers 400 invalid with the field problems', async () => {
    const session = await signIn('sato', 'sales-pass');
    const res = await api('members.create', { name: '' }, { 'X-Session': session });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      kind: 'invalid',
      code: 'value.required',
      message: 'name: required',
      problems: [{ path: 'name', code: 'value.required', message: 'required' }],
    });
  });

  it('answers 400 with a body problem when the JSON does not parse, and 415 when it is not JSON', async () => {
    const res = await fetch(`${base}/api/setup.status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: '{"oops":',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { kind: string; problems: { path: string }[] };
    expect(body.kind).toBe('invalid');
    expect(body.problems[0]?.path).toBe('body');
    const form = await fetch(`${base}/api/setup.status`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('a failed sign-in answers 400 and gives no session', async () => {
    const res = await api('session.signIn', { login: 'sato', password: 'nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).not.toHaveProperty('session');
  });

  it("answers 403 forbidden when the signed-in operator's roles refuse the operation", async () => {
    const session = await signIn('sato', 'sales-pass');
    const res = await api('operators.create', { login: 'new' }, { 'X-Session': session });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      kind: 'forbidden',
      code: 'operation.needs_role',
      params: { operation: 'operators.create', roles: 'admin' },
      message: 'operators.create needs admin',
    });
  });

  it('answers 404 unknown_operation for an operation not in the catalog, or a malformed name', async () => {
    const res = await api('members.explode', {});
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ kind: 'unknown_operation' });
    const odd = await api('..%2Fsecret', {});
    expect(odd.status).toBe(404);
  });

  it('session.signOut forgets the login: the same session is then unauthenticated', async () => {
    const session = await signIn('admin', 'admin-pass');
    expect((await api('operators.create', {}, { 'X-Session': session })).status).toBe(200);
    const out = await api('session.signOut', {}, { 'X-Session': session });
    expect(out.status).toBe(200);
    expect((await api('operators.create', {}, { 'X-Session': session })).status).toBe(401);
  });

  it('signing in again gives a new session and retires the old one', async () => {
    const first = await signIn('admin', 'admin-pass');
    const second = await api('session.signIn', { login: 'sato', password: 'sales-pass' }, { 'X-Session': first });
    const { session } = (await second.json()) as { session: string };
    expect(session).not.toBe(first);
    expect((await api('operators.create', {}, { 'X-Session': first })).status).toBe(401);
    expect((await api('operators.create', {}, { 'X-Session': session })).status).toBe(403);
  });

  it('answers 413 for a body over the limit, before the backoffice sees it', async () => {
    const before = backoffice.calls.length;
    const res = await api('setup.status', { blob: 'x'.repeat(2000) });
    expect(res.status).toBe(413);
    expect(backoffice.calls.length).toBe(before);
  });

  it('answers 413 for a streamed (chunked) body that grows past the limit', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/api/setup.status',
          method: 'POST',
          headers: {
            Authorization: `Bearer ${host.token}`,
            'Content-Type': 'application/json',
            'Transfer-Encoding': 'chunked',
          },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"blob":"');
      for (let i = 0; i < 4; i++) req.write('y'.repeat(500));
      req.end('"}');
    });
    expect(status).toBe(413);
  });

  it('answers 500 failed when the backoffice throws', async () => {
    const throwing = new FakeBackoffice();
    throwing.call = answering(async () => {
      throw new Error('disk on fire');
    });
    const other = await startBrowserHost({ backoffice: throwing });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ kind: 'failed', code: 'operation.failed', message: 'disk on fire' });
    } finally {
      await other.close();
    }
  });

  it('answers 503 busy with its code when the ledger was too busy, and the renderer words it', async () => {
    const busy = new FakeBackoffice();
    const message = 'the ledger is busy: 5 attempts collided with other writers; nothing was written, try again';
    busy.call = answering(async () => ({ ok: false, kind: 'busy', code: 'ledger.busy', message }));
    const other = await startBrowserHost({ backoffice: busy });
    try {
      const res = await fetch(`http://127.0.0.1:${other.port}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${other.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ kind: 'busy', code: 'ledger.busy', message });
      const answer = await httpTransport(`http://127.0.0.1:${other.port}/`, other.token, new MemoryStorage()).call(
        'setup.status',
        {},
      );
      expect(answer).toEqual({ ok: false, kind: 'busy', code: 'ledger.busy', message });
      if (answer.ok) throw new Error('busy was expected');
      expect(wordRefusal(answer, 'ja')).toBe('台帳が混み合っています。何も保存されていません。もう一度お試しください');
      expect(wordRefusal(answer, 'en')).toBe('the ledger is busy with other writers: nothing was written; try again');
    } finally {
      await other.close();
    }
  });

  it('sends no CORS header, even to a request from another origin or a preflight', async () => {
    const res = await api('setup.status', {}, { Origin: 'https://evil.example' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/api/setup.status`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses a request whose Host is not 127.0.0.1 or localhost (DNS rebinding)', async () => {
    const res = await rawGet('/', { Host: 'evil.example:' + host.port });
    expect(res.status).toBe(403);
    expect((await rawGet('/', { Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('serves the renderer with a strict Content-Security-Policy and no referrer', async () => {
    const page = await fetch(`${base}/?token=${host.token}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>bo</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const script = await fetch(`${base}/assets/app.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(csp);
    expect(await script.text()).toBe('console.log(1)');
  });

  it('answers a screen path with the page, and a missing asset with 404', async () => {
    expect(await (await fetch(`${base}/members/M000001`)).text()).toContain('<title>bo</title>');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses path traversal, plain or encoded', async () => {
    for (const p of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
    ]) {
      const res = await rawGet(p);
      expect(res.status, p).toBe(404);
      expect(res.body, p).not.toContain('outside the renderer');
    }
  });
});
