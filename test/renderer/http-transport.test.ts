import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice } from '../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { httpTransport, takeLaunchToken } from '../../renderer/api/http-transport';
import { ipcTransport } from '../../renderer/api/ipc-transport';
import { MemoryStorage } from './memory-storage';

describe('the renderer api client over the real browser host (HTTP contract)', () => {
  let dir: string;
  let backoffice: Backoffice;
  let host: BrowserHost;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'backoffice-client-'));
    backoffice = await openBackoffice(join(dir, 'b.db'));
    host = await startBrowserHost({ backoffice });
    base = `http://127.0.0.1:${host.port}/`;
    await backoffice.call(
      'setup.createFirstAdmin',
      { login: 'admin', displayName: '管理 太郎', password: 'pass1234-long' },
      null,
    );
    await backoffice.call(
      'operators.create',
      { login: 'tanaka', displayName: '田中', password: 'pass1234-long', roles: ['sales'] },
      'admin',
    );
  });
  afterAll(async () => {
    await host.close();
    await backoffice.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers unauthenticated without the launch token, whatever the operation', async () => {
    const client = httpTransport(base, null, new MemoryStorage());
    const result = await client.call('setup.status', {});
    expect(result).toMatchObject({ ok: false, kind: 'unauthenticated' });
  });

  it('signs in, keeps the session for later calls, and forgets it on sign-out', async () => {
    const storage = new MemoryStorage();
    const client = httpTransport(base, host.token, storage);
    expect(await client.call('members.search', { query: '' })).toMatchObject({ ok: false, kind: 'unauthenticated' });

    const signIn = await client.call('session.signIn', { login: 'tanaka', password: 'pass1234-long' });
    expect(signIn).toMatchObject({
      ok: true,
      output: { login: 'tanaka', name: '田中', roles: ['sales'], mustChangePassword: false, sessionGeneration: 0 },
    });
    expect(storage.getItem('backoffice.session')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(await client.call('members.search', { query: '' })).toEqual({
      ok: true,
      output: { items: [], total: 0, page: 1, pageSize: 50 },
    });

    await client.signOut();
    expect(storage.getItem('backoffice.session')).toBeNull();
    expect(await client.call('members.search', { query: '' })).toMatchObject({ ok: false, kind: 'unauthenticated' });
  });

  it('passes refusals and field problems through as the CallResult shape', async () => {
    const client = httpTransport(base, host.token, new MemoryStorage());
    await client.call('session.signIn', { login: 'tanaka', password: 'pass1234-long' });
    expect(await client.call('audit.list', {})).toMatchObject({ ok: false, kind: 'forbidden' });
    // @ts-expect-error: a name outside the catalog does not compile either
    expect(await client.call('no.such', {})).toMatchObject({ ok: false, kind: 'unknown_operation' });
    const bad = await client.call('members.create', {
      kind: 'corporation',
      name: '株式会社北海物産',
      nameKana: '北海',
      email: 'x@y.jp',
    });
    expect(bad).toMatchObject({ ok: false, kind: 'invalid', problems: [{ path: 'nameKana' }] });
  });

  it('lists the catalog with each operation’s roles', async () => {
    const list = await httpTransport(base, host.token, new MemoryStorage()).operations();
    expect(list?.find((op) => op.name === 'audit.list')?.roles).toEqual(['supervisor', 'admin']);
  });

  it('answers failed, not a thrown error, when the host is gone', async () => {
    const client = httpTransport('http://127.0.0.1:9/', host.token, new MemoryStorage());
    expect(await client.call('setup.status', {})).toMatchObject({ ok: false, kind: 'failed' });
  });
});

describe('the launch token', () => {
  function fakeWindow(href: string) {
    const url = new URL(href);
    const location = { search: url.search, pathname: url.pathname, hash: url.hash } as Location;
    const replaced: string[] = [];
    const history = {
      state: null,
      replaceState: (_s: unknown, _t: string, to: string) => replaced.push(to),
    } as unknown as History;
    return { location, history, replaced };
  }

  it('is taken from ?token=, kept in sessionStorage and removed from the address bar', () => {
    const storage = new MemoryStorage();
    const w = fakeWindow('http://127.0.0.1:5000/?token=abc_DEF-123#/members');
    expect(takeLaunchToken(w.location, storage, w.history)).toBe('abc_DEF-123');
    expect(storage.getItem('backoffice.token')).toBe('abc_DEF-123');
    expect(w.replaced).toEqual(['/#/members']);

    // After a reload the URL has no token any more: sessionStorage still has it.
    const reloaded = fakeWindow('http://127.0.0.1:5000/#/members');
    expect(takeLaunchToken(reloaded.location, storage, reloaded.history)).toBe('abc_DEF-123');
    expect(reloaded.replaced).toEqual([]);
  });
});

describe('the Electron transport', () => {
  it('relays the preload bridge’s CallResult, and turns a rejected call into kind failed', async () => {
    const ok = ipcTransport({ call: async (operation) => ({ ok: true, output: { operation } }) });
    expect(await ok.call('setup.status', {})).toEqual({ ok: true, output: { operation: 'setup.status' } });
    const broken = ipcTransport({ call: async () => Promise.reject(new Error('IPC channel closed')) });
    expect(await broken.call('setup.status', {})).toEqual({
      ok: false,
      kind: 'failed',
      code: 'transport.unreachable',
      message: 'IPC channel closed',
    });
    expect(await broken.operations()).toBeNull();
  });
});
