import { afterEach, describe, expect, it } from 'vitest';
import type { CallOrigin } from '../../core/api/service';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { addressWaitUntil } from '../../core/parties/sign-in-backoff';
import { wordRefusal } from '../../renderer/i18n/problems';
import { testOffice, type TestOffice } from './helpers';

/** Issue 13: failed sign-ins are slowed down per network address, whatever the logins (D-SEC-19). */

let t: TestOffice;
let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  await t?.close();
});

const FROM: CallOrigin = { address: '192.0.2.7' };
const ELSEWHERE: CallOrigin = { address: '198.51.100.20' };
/** Ten wrong passwords over four logins, none of them tried five times (the per-login backoff stays out of it). */
const GUESSES = ['sales', 'accounting', 'supervisor', 'nobody'].flatMap((login) => [login, login, login]).slice(0, 10);

function later(ms: number) {
  t.clock.now = new Date(t.clock.now.getTime() + ms);
}

async function signIn(login: string, password: string, origin: CallOrigin) {
  return t.office.call('session.signIn', { login, password }, null, undefined, origin);
}

describe('sign-in backoff per address', () => {
  it('D-SEC-19: ten failures from one address across logins close it for 15 minutes from the first; another address, and then the same one, sign in', async () => {
    t = await testOffice();
    const first = t.clock.now.getTime();
    for (const [i, login] of GUESSES.entries()) {
      expect(await signIn(login, `guess-${i}`, FROM)).toMatchObject({ ok: false, code: 'session.wrong_password' });
      later(1000);
    }
    // 10 s after the first failure: the right password of a login never tried is refused without being checked.
    const refused = await signIn('admin', 'demo', FROM);
    expect(refused).toEqual({
      ok: false,
      kind: 'throttled',
      code: 'session.address_backoff',
      params: { seconds: 890 },
      message: 'too many failed sign-ins from this address: try again in 890 s',
    });
    if (refused.ok) throw new Error('refused');
    expect(wordRefusal(refused, 'ja')).toBe(
      'このアドレスからのサインインの失敗が続いたため、890 秒後にもう一度お試しください',
    );
    expect(wordRefusal(refused, 'en')).toBe('too many failed sign-ins from this address: try again in 890 seconds');
    expect(await signIn('admin', 'demo', ELSEWHERE)).toMatchObject({ ok: true, output: { login: 'admin' } });

    t.clock.now = new Date(first + 15 * 60_000 - 1);
    expect(await signIn('admin', 'demo', FROM)).toMatchObject({ kind: 'throttled', params: { seconds: 1 } });
    t.clock.now = new Date(first + 15 * 60_000);
    expect(await signIn('admin', 'demo', FROM)).toMatchObject({ ok: true, output: { login: 'admin' } });

    // Every attempt and both refusals are in the audit log with their address, the password masked.
    const audited = await t.rows<{
      operator_login: string;
      outcome: string;
      detail_code: string | null;
      client_address: string | null;
      input: string;
    }>(
      "select operator_login, outcome, detail_code, client_address, input from audit_log where operation = 'session.signIn' order by id",
    );
    expect(audited.filter((r) => r.detail_code === 'session.address_backoff')).toEqual([
      {
        operator_login: 'admin',
        outcome: 'unauthenticated',
        detail_code: 'session.address_backoff',
        client_address: '192.0.2.7',
        input: '{"login":"admin","password":"***"}',
      },
      {
        operator_login: 'admin',
        outcome: 'unauthenticated',
        detail_code: 'session.address_backoff',
        client_address: '192.0.2.7',
        input: '{"login":"admin","password":"***"}',
      },
    ]);
    // An auditor sees it too.
    const listed = await t.ok('audit.list', { operation: 'session.signIn', pageSize: 3 }, 'supervisor');
    expect(listed).toMatchObject({
      items: [
        { operator: 'admin', outcome: 'ok', address: '192.0.2.7' },
        {
          operator: 'admin',
          outcome: 'unauthenticated',
          address: '192.0.2.7',
          input: '{"login":"admin","password":"***"}',
          problem: { code: 'session.address_backoff', params: { seconds: 1 } },
        },
        { operator: 'admin', outcome: 'ok', address: '198.51.100.20' },
      ],
    });
    expect(audited.map((r) => r.client_address)).toEqual([
      ...Array<string>(11).fill('192.0.2.7'),
      '198.51.100.20',
      '192.0.2.7',
      '192.0.2.7',
    ]);
    expect(audited.map((r) => r.detail_code ?? r.outcome)).toEqual([
      ...Array<string>(10).fill('session.wrong_password'),
      'session.address_backoff',
      'ok',
      'session.address_backoff',
      'ok',
    ]);
  });

  it('D-SEC-19: a success from the address clears nothing, nine failures close nothing, and the app window (no address) is never closed', async () => {
    t = await testOffice();
    for (const [i, login] of GUESSES.slice(0, 9).entries()) {
      await signIn(login, `guess-${i}`, FROM);
      later(1000);
    }
    expect(await signIn('admin', 'demo', FROM)).toMatchObject({ ok: true });
    expect(await signIn('supervisor', 'wrong', FROM)).toMatchObject({ code: 'session.wrong_password' });
    expect(await signIn('admin', 'demo', FROM)).toMatchObject({ kind: 'throttled' });
    expect(await t.office.call('session.signIn', { login: 'admin', password: 'demo' }, null)).toMatchObject({
      ok: true,
    });
  });

  it('D-SEC-19: the wait runs from the oldest of the last ten failures within 15 minutes', () => {
    const now = new Date('2026-11-24T01:15:00Z');
    const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 24, 1, minute, second)).toISOString();
    const nine = Array.from({ length: 9 }, (_, i) => at(10, 59 - i));
    expect(addressWaitUntil(nine, now)).toBeNull();
    expect(addressWaitUntil([...nine, at(0, 0)], now)).toBeNull();
    expect(addressWaitUntil([...nine, at(0, 1)], now)?.toISOString()).toBe('2026-11-24T01:15:01.000Z');
    expect(addressWaitUntil([...nine, at(5), at(1)], now)?.toISOString()).toBe('2026-11-24T01:20:00.000Z');
  });

  it('D-SEC-19: the browser host answers the address refusal 429, with the loopback address in the audit log', async () => {
    t = await testOffice();
    host = await startBrowserHost({ backoffice: t.office, clock: () => t.clock.now });
    const api = async (login: string, password: string) => {
      const res = await fetch(`http://127.0.0.1:${host!.port}/api/session.signIn`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host!.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      return { status: res.status, body: (await res.json()) as { code?: string; kind?: string } };
    };
    for (const [i, login] of GUESSES.entries()) expect((await api(login, `guess-${i}`)).status).toBe(401);
    expect(await api('admin', 'demo')).toMatchObject({
      status: 429,
      body: { kind: 'throttled', code: 'session.address_backoff' },
    });
    expect(
      await t.rows(
        "select client_address from audit_log where operation = 'session.signIn' and detail_code = 'session.address_backoff'",
      ),
    ).toEqual([{ client_address: '127.0.0.1' }]);
  });
});
