import { describe, expect, it } from 'vitest';
import { testOffice } from './helpers';

const member = { kind: 'individual', name: '山田 花子', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', email: 'hanako@example.jp' };

describe('roles', () => {
  it('a role refused is refused and audited, and nothing else is written', async () => {
    const t = await testOffice();
    try {
      const before = {
        members: await t.count('members'),
        counters: await t.count('counters'),
        audit: await t.count('audit_log'),
      };
      const refused = await t.office.call('members.create', member, 'accounting');
      expect(refused).toEqual({
        ok: false,
        kind: 'forbidden',
        code: 'operation.needs_role',
        params: { operation: 'members.create', roles: 'sales' },
        message: 'members.create needs one of the roles sales',
      });
      expect(await t.count('members')).toBe(before.members);
      expect(await t.count('counters')).toBe(before.counters);
      expect(await t.count('audit_log')).toBe(before.audit + 1);
      const audit = await t.ok<{
        items: { operator: string; operation: string; outcome: string; channel: string; inputDigest: string }[];
      }>('audit.list', { operator: 'accounting' }, 'supervisor');
      expect(audit.items[0]).toMatchObject({
        operator: 'accounting',
        operation: 'members.create',
        outcome: 'forbidden',
        channel: 'test',
      });
      expect(audit.items[0]!.inputDigest).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await t.close();
    }
  });

  it('the role check comes before the schema: a refused caller learns nothing about the input', async () => {
    const t = await testOffice();
    try {
      expect(await t.office.call('operators.create', { login: 1 }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
    } finally {
      await t.close();
    }
  });

  it('each role reaches its own operations: sales members, accounting the ledger, supervisor reads and the audit, admin operators', async () => {
    const t = await testOffice();
    try {
      const allowed = async (op: string, input: unknown, as: string) => {
        const r = await t.office.call(op, input, as);
        return r.ok ? 'ok' : r.kind;
      };
      expect(await allowed('members.create', member, 'sales')).toBe('ok');
      expect(await allowed('members.search', {}, 'supervisor')).toBe('ok');
      expect(await allowed('members.search', {}, 'accounting')).toBe('ok');
      expect(await allowed('members.create', member, 'supervisor')).toBe('forbidden');
      expect(await allowed('ledger.trialBalance', {}, 'sales')).toBe('forbidden');
      expect(await allowed('ledger.trialBalance', {}, 'supervisor')).toBe('ok');
      expect(await allowed('audit.list', {}, 'accounting')).toBe('forbidden');
      expect(await allowed('audit.list', {}, 'admin')).toBe('ok');
      expect(await allowed('operators.list', {}, 'supervisor')).toBe('forbidden');
      expect(await allowed('setup.loadDemo', {}, 'sales')).toBe('forbidden');
    } finally {
      await t.close();
    }
  });
});
