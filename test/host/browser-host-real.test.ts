import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';

/** The HTTP contract end to end: a real Backoffice on a temporary database behind a real browser host. */

let work: string;
let backoffice: Backoffice;
let host: BrowserHost;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'browser-host-real-'));
  backoffice = await openBackoffice(path.join(work, 'backoffice.sqlite'), { channel: 'http' });
  host = await startBrowserHost({ backoffice });
});

afterAll(async () => {
  await host.close();
  await backoffice.close();
  rmSync(work, { recursive: true, force: true });
});

async function post(operation: string, input: unknown, session?: string, token = host.token) {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  if (session) headers['X-Session'] = session;
  const res = await fetch(`http://127.0.0.1:${host.port}/api/${operation}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('browser host over the real Backoffice', () => {
  it('runs first setup, sign-in, roles and validation through the HTTP statuses of the contract', async () => {
    expect((await post('setup.status', {}, undefined, 'wrong-token')).status).toBe(401);
    expect(await post('setup.status', {})).toEqual({ status: 200, body: { output: { hasOperators: false } } });

    const admin = await post('setup.createFirstAdmin', {
      login: 'admin',
      displayName: '管理者',
      password: 'admin-passphrase',
    });
    expect(admin.status).toBe(200);

    const wrong = await post('session.signIn', { login: 'admin', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ kind: 'unauthenticated' });
    expect(wrong.body).not.toHaveProperty('session');

    const adminIn = await post('session.signIn', { login: 'admin', password: 'admin-passphrase' });
    expect(adminIn.status).toBe(200);
    expect(adminIn.body.output).toMatchObject({
      login: 'admin',
      name: '管理者',
      roles: ['admin'],
      mustChangePassword: false,
      sessionGeneration: 0,
    });
    const adminSession = adminIn.body.session as string;

    const created = await post(
      'operators.create',
      { login: 'sato', displayName: '佐藤', password: 'sales-passphrase', roles: ['sales'] },
      adminSession,
    );
    expect(created).toEqual({ status: 200, body: { output: { login: 'sato', name: '佐藤', roles: ['sales'] } } });
    expect(
      (
        await post('operators.create', {
          login: 'ito',
          displayName: '伊藤',
          password: 'pass-word-long',
          roles: ['sales'],
        })
      ).status,
    ).toBe(401);

    const satoSession = (await post('session.signIn', { login: 'sato', password: 'sales-passphrase' })).body
      .session as string;
    const refused = await post('operators.list', {}, satoSession);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ kind: 'forbidden' });

    const invalid = await post('members.create', { kind: 'company', name: ' ', email: 'not-mail' }, satoSession);
    expect(invalid.status).toBe(400);
    expect(invalid.body.kind).toBe('invalid');
    const paths = (invalid.body.problems as { path: string }[]).map((p) => p.path).sort();
    expect(paths).toEqual(expect.arrayContaining(['email', 'kind', 'name']));

    expect((await post('members.teleport', {}, satoSession)).status).toBe(404);

    expect((await post('session.signOut', {}, satoSession)).status).toBe(200);
    expect((await post('operators.list', {}, adminSession)).status).toBe(200);
    expect((await post('members.search', {}, satoSession)).status).toBe(401);
  });
});
