import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import { tempDir, testOffice } from './helpers';

describe('setup and sign-in', () => {
  it('a new database has no operators; the first admin is created once, then setup is closed (refusal audited)', async () => {
    const { dir, cleanup } = tempDir();
    const office = await openBackoffice(path.join(dir, 'l.db'), { now: () => new Date('2026-11-01T00:00:00Z') });
    try {
      expect(await office.call('setup.status', {}, null)).toEqual({ ok: true, output: { hasOperators: false } });
      expect(
        await office.call(
          'setup.createFirstAdmin',
          { login: 'boss', displayName: '社長', password: 'long-enough-secret' },
          null,
        ),
      ).toEqual({
        ok: true,
        output: { login: 'boss', name: '社長', roles: ['admin'] },
      });
      expect(await office.call('setup.status', {}, null)).toEqual({ ok: true, output: { hasOperators: true } });
      const again = await office.call(
        'setup.createFirstAdmin',
        { login: 'intruder', displayName: 'x', password: 'long-enough-secret' },
        null,
      );
      expect(again).toMatchObject({ ok: false, kind: 'forbidden' });
      const audit = await office.call('audit.list', { operation: 'setup.createFirstAdmin' }, 'boss');
      expect(audit.ok && (audit.output as { items: { outcome: string }[] }).items.map((i) => i.outcome)).toEqual([
        'forbidden',
        'ok',
      ]);
      const ops = await office.call('operators.list', {}, 'boss');
      expect(ops.ok && (ops.output as { login: string }[]).map((o) => o.login)).toEqual(['boss']);
    } finally {
      await office.close();
      cleanup();
    }
  });

  it('signs in with the right password and returns login, name, roles and the operations those roles may call (what the menus show); a wrong one is refused and audited without the password', async () => {
    const t = await testOffice();
    try {
      const sales = await t.office.call('session.signIn', { login: 'sales', password: 'demo' }, null);
      expect(sales).toEqual({
        ok: true,
        output: {
          login: 'sales',
          name: 'sales',
          roles: ['sales'],
          mustChangePassword: false,
          sessionGeneration: 0,
          operations: expect.arrayContaining(['members.create', 'estimates.issue', 'prepaid.register']) as string[],
        },
      });
      if (!sales.ok) throw new Error(sales.message);
      // Nothing sales would be refused, and nothing open to anyone (signing in): only what the roles allow.
      for (const op of ['audit.list', 'billing.closeMonth', 'deposits.confirm', 'session.signIn'])
        expect(sales.output.operations).not.toContain(op);
      expect(await t.office.call('session.signIn', { login: 'sales', password: 'wrong' }, null)).toEqual({
        ok: false,
        kind: 'unauthenticated',
        code: 'session.wrong_password',
        message: 'wrong login or password',
      });
      expect(await t.office.call('session.signIn', { login: 'nobody', password: 'demo' }, null)).toMatchObject({
        ok: false,
        kind: 'unauthenticated',
        code: 'session.wrong_password',
        message: 'wrong login or password',
      });
      const items = await t.ok<{ items: { operator: string; outcome: string; inputDigest: string }[] }>(
        'audit.list',
        { operation: 'session.signIn' },
        'supervisor',
      );
      expect(items.items.map((i) => [i.operator, i.outcome])).toEqual([
        ['nobody', 'unauthenticated'],
        ['sales', 'unauthenticated'],
        ['sales', 'ok'],
      ]);
      // The password is masked before digesting: the right and the wrong attempt digest alike.
      expect(items.items[1]!.inputDigest).toBe(items.items[2]!.inputDigest);
    } finally {
      await t.close();
    }
  });

  it('a login that is no operator is unauthenticated, even for a role it names', async () => {
    const t = await testOffice();
    try {
      expect(await t.office.call('members.search', {}, 'ghost')).toMatchObject({ ok: false, kind: 'unauthenticated' });
      expect(await t.office.call('members.search', {}, null)).toMatchObject({ ok: false, kind: 'unauthenticated' });
    } finally {
      await t.close();
    }
  });

  it('operators.setRoles replaces the roles, and the last admin keeps admin', async () => {
    const t = await testOffice();
    try {
      expect(await t.ok('operators.setRoles', { login: 'sales', roles: ['sales', 'accounting'] }, 'admin')).toEqual({
        login: 'sales',
        name: 'sales',
        roles: ['sales', 'accounting'],
      });
      expect(await t.office.call('ledger.trialBalance', {}, 'sales')).toMatchObject({ ok: true });
      expect(await t.office.call('operators.setRoles', { login: 'admin', roles: ['sales'] }, 'admin')).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'roles', message: 'the last admin must keep the admin role' }],
      });
      expect(
        await t.office.call(
          'operators.create',
          { login: 'sales', displayName: 'x', password: 'long-enough-secret', roles: ['sales'] },
          'admin',
        ),
      ).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'login' }],
      });
    } finally {
      await t.close();
    }
  });
});
