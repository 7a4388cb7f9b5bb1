import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, TOKEN_LIFETIME_MS, type BrowserHost } from '../../core/host/browser-host';
import { FakeBackoffice } from './fake-backoffice';

let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
});

describe('the launch token of the browser host', () => {
  it('D-SEC-7: works for 12 hours from the launch, then is refused with its own code', async () => {
    let now = Date.parse('2026-11-24T01:00:00Z');
    host = await startBrowserHost({ backoffice: new FakeBackoffice(), clock: () => new Date(now) });
    const status = async () => {
      const res = await fetch(`http://127.0.0.1:${host!.port}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host!.token}`, 'Content-Type': 'application/json' },
        body: '{}',
      });
      return { status: res.status, code: ((await res.json()) as { code?: string }).code };
    };
    expect(TOKEN_LIFETIME_MS).toBe(12 * 3600_000);
    now += TOKEN_LIFETIME_MS - 1;
    expect((await status()).status).toBe(200);
    now += 1;
    expect(await status()).toEqual({ status: 401, code: 'request.token_expired' });
  });
});
