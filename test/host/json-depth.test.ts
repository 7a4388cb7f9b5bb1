import { afterEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { testOffice, type TestOffice } from '../api/helpers';

let t: TestOffice;
let host: BrowserHost;
afterEach(async () => {
  await host?.close();
  await t?.close();
});

describe('a request body nested too deep', () => {
  it('D-SEC-8: JSON 3,000 levels deep is answered 400 naming the body (not 500 "Maximum call stack size exceeded"), and audited', async () => {
    t = await testOffice();
    host = await startBrowserHost({ backoffice: t.office });
    const body = `{"query":${'['.repeat(3000)}${']'.repeat(3000)}}`;
    const res = await fetch(`http://127.0.0.1:${host.port}/api/members.search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      kind: 'invalid',
      code: 'input.too_deep',
      problems: [{ path: 'body', code: 'input.too_deep', params: { depth: 64 } }],
    });
    expect(
      await t.rows("select outcome, detail_code as code, input from audit_log where operation = 'members.search'"),
    ).toEqual([{ outcome: 'invalid', code: 'input.too_deep', input: '"(not read)"' }]);
  });
});
