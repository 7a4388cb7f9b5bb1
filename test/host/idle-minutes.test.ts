import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../core/cli/commands/serve';
import { takeIdleMinutes } from '../../core/cli/idle-minutes';
import { InputError } from '../../core/errors';
import { startBrowserHost, type BrowserHost } from '../../core/host/browser-host';
import { FakeBackoffice } from './fake-backoffice';

/** Issue 13: the idle limit of a session is the administrator's to set (D-SEC-18). */

const work = mkdtempSync(path.join(tmpdir(), 'idle-minutes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let host: BrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('--idle-minutes', () => {
  it('D-SEC-18: serve takes --idle-minutes N (1 to 720, either spelling); absent, the default of 30 applies', () => {
    const db = path.join(work, 'parse.sqlite');
    expect(parseServeArgs(['--idle-minutes', '5', '--db', db])).toEqual({ dbFile: db, port: 0, idleMinutes: 5 });
    expect(parseServeArgs([`--idle-minutes=720`, '--db', db]).idleMinutes).toBe(720);
    expect(parseServeArgs(['--idle-minutes', '1', '--db', db]).idleMinutes).toBe(1);
    expect(parseServeArgs(['--db', db])).toEqual({ dbFile: db, port: 0 });
    expect(takeIdleMinutes(['--port', '8000'])).toBeUndefined();
  });

  it.each(['0', '721', '-5', '1.5', 'abc', '30m', ''])(
    'D-SEC-18: refuses --idle-minutes %j, naming the flag',
    (value) => {
      const db = path.join(work, 'parse.sqlite');
      const parse = () => parseServeArgs([`--idle-minutes=${value}`, '--db', db]);
      expect(parse).toThrow(InputError);
      try {
        parse();
      } catch (e) {
        expect((e as InputError).problems).toEqual([
          {
            path: '--idle-minutes',
            code: 'cli.idle_minutes_invalid',
            params: { value, min: 1, max: 720 },
            message: `must be a whole number of minutes from 1 to 720, not ${JSON.stringify(value)}`,
          },
        ]);
      }
    },
  );

  it('D-SEC-18: with --idle-minutes 5 a session unused for 5 minutes goes on, and one unused a moment longer has ended', async () => {
    let now = Date.parse('2026-11-24T01:00:00Z');
    const { idleMinutes } = parseServeArgs(['--idle-minutes', '5', '--db', path.join(work, 'idle.sqlite')]);
    const backoffice = new FakeBackoffice();
    host = await startBrowserHost({
      backoffice,
      clock: () => new Date(now),
      ...(idleMinutes === undefined ? {} : { sessionIdleMinutes: idleMinutes }),
    });
    const api = async (operation: string, input: unknown, session?: string) => {
      const res = await fetch(`http://127.0.0.1:${host!.port}/api/${operation}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${host!.token}`,
          'Content-Type': 'application/json',
          ...(session ? { 'X-Session': session } : {}),
        },
        body: JSON.stringify(input),
      });
      return { status: res.status, body: (await res.json()) as { session?: string; code?: string } };
    };
    const signedIn = await api('session.signIn', { login: 'sato', password: 'sales-pass' });
    const session = signedIn.body.session!;
    const member = { kind: 'individual', name: '田中' };

    now += 5 * 60_000;
    expect((await api('members.create', member, session)).status).toBe(200);
    now += 5 * 60_000;
    expect((await api('members.create', member, session)).status).toBe(200);
    expect(backoffice.calls.filter((c) => c.operation === 'members.create').map((c) => c.operatorLogin)).toEqual([
      'sato',
      'sato',
    ]);
    now += 5 * 60_000 + 1;
    expect(await api('members.create', member, session)).toMatchObject({
      status: 401,
      body: { code: 'operation.needs_sign_in' },
    });
    expect(backoffice.calls.at(-1)?.operatorLogin).toBeNull();
  });
});
