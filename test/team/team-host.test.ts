import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../core/cli/commands/serve';
import { InputError } from '../../core/errors';
import { SESSION_COOKIE, startTeamHost, type TeamHost } from '../../core/host/team-host';
import { testOffice, type TestOffice } from '../api/helpers';

const CERT = readFileSync(new URL('../fixtures/tls/cert.pem', import.meta.url), 'utf8');
const KEY = readFileSync(new URL('../fixtures/tls/key.pem', import.meta.url), 'utf8');

let t: TestOffice | undefined;
let host: TeamHost;
let clock = 0;
afterEach(async () => {
  if (!t) return;
  await host.close();
  await t.close();
  t = undefined;
});

async function teamServer(): Promise<TestOffice> {
  const office = await testOffice();
  t = office;
  clock = 0;
  host = await startTeamHost({
    backoffice: office.office,
    host: '127.0.0.1',
    port: 0,
    tlsCert: CERT,
    tlsKey: KEY,
    clock: () => new Date(Date.parse('2026-11-24T01:00:00Z') + clock),
  });
  return office;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
  cookie: string | null;
}

/** One HTTPS request to the team server, trusting its test certificate. */
function call(path: string, input: unknown, headers: Record<string, string> = {}, method = 'POST'): Promise<Reply> {
  const body = method === 'POST' ? JSON.stringify(input) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method,
        ca: CERT,
        servername: 'localhost',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
            cookie: res.headers['set-cookie']?.[0] ?? null,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const page = () => ({ Origin: `https://127.0.0.1:${host.port}` });
const sessionOf = (cookie: string | null) => /^[^=]+=([^;]*)/.exec(cookie ?? '')?.[1] ?? '';

describe('backoffice serve as the team server', () => {
  it('a browser signs in with login and password: the session is only an HttpOnly, Secure, SameSite cookie, usable from the server’s own pages; signing out ends it', async () => {
    await teamServer();
    expect(host.url).toBe(`https://backoffice.test:${host.port}/`);
    const wrong = await call('/api/session.signIn', { login: 'sales', password: 'nope' }, page());
    expect([wrong.status, wrong.body.kind, wrong.cookie]).toEqual([401, 'unauthenticated', null]);

    const signedIn = await call('/api/session.signIn', { login: 'sales', password: 'demo' }, page());
    expect(signedIn.status).toBe(200);
    expect(signedIn.body).toMatchObject({
      output: { login: 'sales', name: 'sales', roles: ['sales'], mustChangePassword: false, sessionGeneration: 0 },
    });
    expect(signedIn.cookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$`),
    );
    const cookie = `${SESSION_COOKIE}=${sessionOf(signedIn.cookie)}`;

    const search = await call('/api/members.search', { query: '' }, { ...page(), Cookie: cookie });
    expect(search).toMatchObject({ status: 200, body: { output: { total: 0 } } });
    const sameOrigin = await call(
      '/api/members.search',
      { query: '' },
      { 'Sec-Fetch-Site': 'same-origin', Cookie: cookie },
    );
    expect(sameOrigin.status).toBe(200);
    // A page of another site, or a request that does not say where it comes from, cannot use the cookie.
    const crossSite = await call(
      '/api/members.search',
      { query: '' },
      { Origin: 'https://evil.example', Cookie: cookie },
    );
    expect([crossSite.status, crossSite.body.kind]).toEqual([403, 'forbidden']);
    expect((await call('/api/members.search', { query: '' }, { Cookie: cookie })).status).toBe(403);
    expect((await call('/api/members.search', { query: '' }, page())).status).toBe(401);
    expect((await call('/api/operations', null, { ...page(), Cookie: cookie }, 'GET')).status).toBe(200);
    expect((await call('/api/operations', null, page(), 'GET')).status).toBe(401);

    const out = await call('/api/session.signOut', {}, { ...page(), Cookie: cookie });
    expect(out.cookie).toBe(`${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`);
    expect((await call('/api/members.search', { query: '' }, { ...page(), Cookie: cookie })).status).toBe(401);
  });

  it('the desktop signs in with its own header, gets the session in the answer and sends it as a bearer; a query string (where a token could leak) is refused', async () => {
    await teamServer();
    const desktop = { 'X-Backoffice-Client': 'desktop' };
    const signedIn = await call('/api/session.signIn', { login: 'accounting', password: 'demo' }, desktop);
    expect(signedIn.cookie).toBeNull();
    const session = signedIn.body.session as string;
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const bearer = { Authorization: `Bearer ${session}` };
    expect((await call('/api/members.search', { query: '' }, bearer)).status).toBe(200);
    expect((await call(`/api/members.search?session=${session}`, { query: '' }, bearer)).status).toBe(400);
    expect((await call('/api/members.search', { query: '' }, { Authorization: 'Bearer forged' })).status).toBe(401);
    // D-SEC-7: a session unused for 30 minutes is over.
    clock += 30 * 60_000 + 1;
    expect((await call('/api/members.search', { query: '' }, bearer)).status).toBe(401);
  });

  it('answers only to its public names, and closes signing in from an address after ten failures for 15 minutes', async () => {
    const office = await teamServer();
    const rebound = await call(
      '/api/session.signIn',
      { login: 'sales', password: 'demo' },
      {
        Host: `evil.example:${host.port}`,
      },
    );
    expect([rebound.status, rebound.body.message]).toEqual([
      403,
      `this host answers only to backoffice.test:${host.port}`,
    ]);
    for (let i = 0; i < 10; i++)
      expect((await call('/api/session.signIn', { login: 'sales', password: `guess${i}` }, page())).status).toBe(401);
    const closed = await call('/api/session.signIn', { login: 'sales', password: 'demo' }, page());
    expect([closed.status, closed.body.message]).toEqual([
      429,
      'too many failed sign-ins from this address: wait 15 minutes',
    ]);
    clock += 15 * 60_000 + 1;
    // The login itself is slowed down too (D-SEC-5, by the catalog's clock, still): from the fifth failure on, the
    // next attempt waits a minute; the password is not even checked meanwhile.
    expect((await call('/api/session.signIn', { login: 'sales', password: 'demo' }, page())).body.code).toBe(
      'session.backoff',
    );
    office.clock.now = new Date(office.clock.now.getTime() + 60_000);
    expect((await call('/api/session.signIn', { login: 'sales', password: 'demo' }, page())).status).toBe(200);
    expect(
      await office.scalar(
        "select count(*) from audit_log where operation = 'session.signIn' and detail_code = 'session.wrong_password'",
      ),
    ).toBe(5);
    expect(
      await office.scalar(
        "select count(*) from audit_log where operation = 'session.signIn' and detail_code = 'session.backoff'",
      ),
    ).toBe(6);
  });

  it('serve: --listen on another address than loopback needs --tls-cert and --tls-key; on loopback without them it is the browser host of today', () => {
    const db = 'postgres://backoffice@db.example/books';
    expect(() => parseServeArgs(['--listen', '0.0.0.0:8443', '--db', db])).toThrow(InputError);
    expect(() => parseServeArgs(['--listen', '192.168.1.5:8443', '--db', db])).toThrow(
      /--tls-cert: 192\.168\.1\.5 is reached from other machines/,
    );
    expect(() => parseServeArgs(['--listen', '0.0.0.0:8443', '--tls-cert', 'c.pem', '--db', db])).toThrow(/--tls-key/);
    expect(() => parseServeArgs(['--listen', '0.0.0.0', '--db', db])).toThrow(/--listen: must be HOST:PORT/);
    expect(() => parseServeArgs(['--listen', '0.0.0.0:8443', '--port', '1', '--db', db])).toThrow(/--port/);
    expect(parseServeArgs(['--listen', '127.0.0.1:8123', '--db', db])).toEqual({
      dbFile: db,
      port: 8123,
      listen: { host: '127.0.0.1', tlsCertFile: null, tlsKeyFile: null, publicNames: [] },
    });
    expect(
      parseServeArgs([
        '--listen',
        '[::]:8443',
        '--tls-cert',
        'c.pem',
        '--tls-key',
        'k.pem',
        '--public-name',
        'books.example.jp',
        '--db',
        db,
      ]),
    ).toEqual({
      dbFile: db,
      port: 8443,
      listen: { host: '::', tlsCertFile: 'c.pem', tlsKeyFile: 'k.pem', publicNames: ['books.example.jp'] },
    });
  });
});
