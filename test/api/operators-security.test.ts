import { afterEach, describe, expect, it } from 'vitest';
import { SignedInClients } from '../../core/host/signed-in';
import { hashPassword, passwordCost, PRODUCTION_COST, TEST_COST_ENV } from '../../core/parties/password';
import { testOffice, type TestOffice } from './helpers';

/** Issue 13: operators and signing in (D-SEC-1…7 in core/parties/README.md). */

let t: TestOffice;
afterEach(async () => {
  await t?.close();
});

const minutes = (n: number) => n * 60_000;
function later(office: TestOffice, ms: number) {
  office.clock.now = new Date(office.clock.now.getTime() + ms);
}

/** A transport's sessions over the test's back office, on the test's clock (1 is the client, as Electron's ids). */
function sessionsOf(office: TestOffice) {
  return new SignedInClients<number>(office.office, { clock: () => office.clock.now });
}

describe('operators: created, deactivated, reactivated, their passwords reset and changed (admin only)', () => {
  it('D-SEC-2: a new password has at least 12 characters, wherever it is set', async () => {
    t = await testOffice();
    const short = await t.office.call(
      'operators.create',
      { login: 'ito', displayName: '伊藤', password: 'elevenchars', roles: ['sales'] },
      'admin',
    );
    expect(short).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'password', code: 'schema.too_small', params: { minimum: '12' } }],
    });
    expect(await t.office.call('operators.resetPassword', { login: 'sales', password: 'abcd' }, 'admin')).toMatchObject(
      { ok: false, problems: [{ path: 'password', code: 'schema.too_small' }] },
    );
    expect(
      await t.office.call('session.changePassword', { currentPassword: 'demo', newPassword: 'pass' }, 'sales'),
    ).toMatchObject({ ok: false, problems: [{ path: 'newPassword', code: 'schema.too_small' }] });
    expect(
      await t.ok(
        'operators.create',
        { login: 'ito', displayName: '伊藤', password: 'twelve-chars', roles: ['sales'] },
        'admin',
      ),
    ).toEqual({ login: 'ito', name: '伊藤', roles: ['sales'] });
  });

  it('D-SEC-7: a deactivated operator cannot sign in and their open session ends at once; reactivated, they sign in again', async () => {
    t = await testOffice();
    const sessions = sessionsOf(t);
    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    expect((await sessions.call(1, 'members.search', {}, () => 1)).result.ok).toBe(true);

    expect(await t.ok('operators.deactivate', { login: 'sales' }, 'admin')).toEqual({
      login: 'sales',
      active: false,
      changed: true,
    });
    const after = await sessions.call(1, 'members.search', {}, () => 1);
    expect(after.result).toMatchObject({ ok: false, kind: 'unauthenticated' });
    expect(after.signedOut).toBe(true);
    expect(sessions.loginOf(1)).toBeNull();
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      ok: false,
      code: 'session.wrong_password',
    });
    expect(await t.ok('operators.list', {}, 'admin')).toContainEqual(
      expect.objectContaining({ login: 'sales', active: false }),
    );

    await t.ok('operators.reactivate', { login: 'sales' }, 'admin');
    expect((await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1)).result.ok).toBe(
      true,
    );
    expect((await sessions.call(1, 'members.search', {}, () => 1)).result.ok).toBe(true);
  });

  it('D-SEC-7: nobody deactivates themselves or the last admin; only an admin manages operators', async () => {
    t = await testOffice();
    expect(await t.office.call('operators.deactivate', { login: 'admin' }, 'admin')).toMatchObject({
      ok: false,
      problems: [{ path: 'login', code: 'operator.deactivate_self' }],
    });
    for (const operation of ['operators.deactivate', 'operators.reactivate', 'operators.signOutEverywhere'] as const) {
      expect(await t.office.call(operation, { login: 'accounting' }, 'supervisor')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
    }
    expect(
      await t.office.call('operators.resetPassword', { login: 'accounting', password: 'twelve-chars' }, 'sales'),
    ).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await t.office.call('operators.deactivate', { login: 'nobody' }, 'admin')).toMatchObject({
      ok: false,
      problems: [{ path: 'login', code: 'operator.not_found' }],
    });
  });

  it('D-SEC-6: after an admin resets a password, the operator signs in with it and must choose their own before anything else', async () => {
    t = await testOffice();
    const sessions = sessionsOf(t);
    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    expect(await t.ok('operators.resetPassword', { login: 'sales', password: 'from-the-admin' }, 'admin')).toEqual({
      login: 'sales',
      mustChangePassword: true,
    });
    // Their open session ended with the reset.
    expect((await sessions.call(1, 'members.search', {}, () => 1)).result).toMatchObject({ code: 'session.ended' });
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      ok: false,
    });

    const signedIn = await sessions.call(1, 'session.signIn', { login: 'sales', password: 'from-the-admin' }, () => 1);
    expect(signedIn.result).toMatchObject({ ok: true, output: { login: 'sales', mustChangePassword: true } });
    expect((await sessions.call(1, 'members.search', {}, () => 1)).result).toMatchObject({
      ok: false,
      kind: 'forbidden',
      code: 'session.must_change_password',
    });
    expect(
      (
        await sessions.call(
          1,
          'session.changePassword',
          { currentPassword: 'from-the-admin', newPassword: 'my-own-passphrase' },
          () => 1,
        )
      ).result,
    ).toMatchObject({ ok: true });
    // A new password ends every session, this one too: sign in with it.
    expect(sessions.loginOf(1)).toBeNull();
    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'my-own-passphrase' }, () => 1);
    expect((await sessions.call(1, 'members.search', {}, () => 1)).result.ok).toBe(true);
  });

  it('D-SEC-6: changing one’s own password proves the current one, names the field, and masks both in the audit log', async () => {
    t = await testOffice();
    expect(
      await t.office.call(
        'session.changePassword',
        { currentPassword: 'not-mine', newPassword: 'a-new-passphrase' },
        'accounting',
      ),
    ).toMatchObject({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'currentPassword', code: 'password.wrong_current' }],
    });
    await t.ok('session.changePassword', { currentPassword: 'demo', newPassword: 'a-new-passphrase' }, 'accounting');
    expect(
      await t.office.call('session.signIn', { login: 'accounting', password: 'a-new-passphrase' }, null),
    ).toMatchObject({ ok: true });
    const [row] = await t.rows<{ input: string }>(
      "select input from audit_log where operation = 'session.changePassword' and outcome = 'ok'",
    );
    expect(row!.input).toBe('{"currentPassword":"***","newPassword":"***"}');
  });
});

describe('sessions', () => {
  it('D-SEC-7: a session unused for 30 minutes ends, and any session after 12 hours', async () => {
    t = await testOffice();
    const sessions = sessionsOf(t);
    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    later(t, minutes(29));
    expect(sessions.loginOf(1)).toBe('sales');
    later(t, minutes(30) + 1);
    expect(sessions.loginOf(1)).toBeNull();

    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    for (let i = 0; i < 24; i++) {
      later(t, minutes(29));
      expect(sessions.loginOf(1), `after ${(i + 1) * 29} minutes`).toBe('sales');
    }
    later(t, minutes(29));
    expect(sessions.loginOf(1)).toBeNull();
  });

  it('D-SEC-7: the idle limit is the door’s to set', async () => {
    t = await testOffice();
    const sessions = new SignedInClients<number>(t.office, { clock: () => t.clock.now, idleMs: minutes(5) });
    await sessions.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    later(t, minutes(5) + 1);
    expect(sessions.loginOf(1)).toBeNull();
  });

  it('D-SEC-7: signing out everywhere ends every session of the operator, on every machine, and no one else’s', async () => {
    t = await testOffice();
    const desk = sessionsOf(t);
    const laptop = sessionsOf(t);
    await desk.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    await desk.call(2, 'session.signIn', { login: 'accounting', password: 'demo' }, () => 2);
    await laptop.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    expect((await laptop.call(1, 'session.signOutEverywhere', {}, () => 1)).result.ok).toBe(true);
    expect((await desk.call(1, 'members.search', {}, () => 1)).result).toMatchObject({ code: 'session.ended' });
    expect((await desk.call(2, 'members.search', {}, () => 1)).result.ok).toBe(true);
    // An admin does it for an operator.
    await desk.call(1, 'session.signIn', { login: 'sales', password: 'demo' }, () => 1);
    await t.ok('operators.signOutEverywhere', { login: 'sales' }, 'admin');
    expect((await desk.call(1, 'members.search', {}, () => 1)).result).toMatchObject({ code: 'session.ended' });
  });
});

describe('signing in', () => {
  it('D-SEC-5: from the fifth failure for a login, the next attempt waits (1, 2, 4… minutes, at most an hour), even with the right password; every attempt is audited', async () => {
    t = await testOffice();
    for (let i = 0; i < 5; i++)
      expect(await t.office.call('session.signIn', { login: 'sales', password: `guess-${i}` }, null)).toMatchObject({
        code: 'session.wrong_password',
      });
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      ok: false,
      kind: 'unauthenticated',
      code: 'session.backoff',
      params: { seconds: 60 },
    });
    later(t, minutes(1));
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'guess-5' }, null)).toMatchObject({
      code: 'session.wrong_password',
    });
    later(t, minutes(1));
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      code: 'session.backoff',
      params: { seconds: 60 },
    });
    later(t, minutes(1));
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      ok: true,
    });
    // Another login is not slowed down by these.
    expect(await t.office.call('session.signIn', { login: 'accounting', password: 'demo' }, null)).toMatchObject({
      ok: true,
    });
    const audited = await t.rows<{ outcome: string; code: string | null; input: string }>(
      "select outcome, detail_code as code, input from audit_log where operation = 'session.signIn' and operator_login = 'sales' order by id",
    );
    expect(audited.map((r) => r.code ?? r.outcome)).toEqual([
      ...Array<string>(5).fill('session.wrong_password'),
      'session.backoff',
      'session.wrong_password',
      'session.backoff',
      'ok',
    ]);
    expect(new Set(audited.map((r) => r.input))).toEqual(new Set(['{"login":"sales","password":"***"}']));
  });

  it('D-SEC-5: 200 wrong passwords then the right one does not sign in', async () => {
    t = await testOffice();
    for (let i = 0; i < 200; i++) {
      await t.office.call('session.signIn', { login: 'supervisor', password: `guess-${i}` }, null);
      later(t, 1000);
    }
    expect(await t.office.call('session.signIn', { login: 'supervisor', password: 'demo' }, null)).toMatchObject({
      ok: false,
      code: 'session.backoff',
    });
    expect(
      Number(
        await t.scalar(
          "select count(*) from audit_log where operator_login = 'supervisor' and detail_code = 'session.wrong_password'",
        ),
      ),
    ).toBeLessThan(10);
  });

  it('D-SEC-4: an unknown login costs the same work as a wrong password', async () => {
    const saved = process.env[TEST_COST_ENV];
    try {
      t = await testOffice();
      process.env[TEST_COST_ENV] = '14';
      // The operator's hash made again at today's (raised) cost by a successful sign-in (D-SEC-3).
      await t.ok('session.signIn', { login: 'sales', password: 'demo' }, null);
      const time = async (login: string) => {
        const start = performance.now();
        await t.office.call('session.signIn', { login, password: 'not-the-password' }, null);
        return performance.now() - start;
      };
      const wrong = Math.min(await time('sales'), await time('sales'));
      const unknown = Math.min(await time('nobody'), await time('nobody'));
      expect(unknown).toBeGreaterThan(wrong / 3);
    } finally {
      if (saved === undefined) delete process.env[TEST_COST_ENV];
      else process.env[TEST_COST_ENV] = saved;
    }
  });

  it('D-SEC-3: a hash made with less work is made again at the next sign-in', async () => {
    t = await testOffice();
    const weak = await hashPassword('demo', { N: 2 ** 4, r: 8, p: 1 });
    await t.rows(`update operators set password_hash = '${weak}' where login = 'sales'`);
    await t.ok('session.signIn', { login: 'sales', password: 'demo' }, null);
    const stored = String(await t.scalar("select password_hash from operators where login = 'sales'"));
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(passwordCost().N), '8', '1']);
    expect(await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null)).toMatchObject({
      ok: true,
    });
  });

  it('D-SEC-3: production hashes with scrypt N = 2^17, r = 8, p = 1; only the test seam lowers it', async () => {
    expect(passwordCost({})).toEqual({ N: 131072, r: 8, p: 1 });
    expect(PRODUCTION_COST).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    expect(passwordCost({ [TEST_COST_ENV]: '10' })).toEqual({ N: 1024, r: 8, p: 1 });
    expect(() => passwordCost({ [TEST_COST_ENV]: '4' })).toThrow(/10–17/);
    const hash = await hashPassword('a-long-passphrase', passwordCost({}));
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
  });
});
