import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCatalog } from '../../core/api/catalog';
import { apps } from '../../core/api/apps';
import { defineOperation } from '../../core/api/operation';
import { ROLES } from '../../core/api/service';
import { testOffice } from './helpers';

const noop = (name: string) =>
  defineOperation({ name, roles: [], input: z.strictObject({}), audited: false, handler: async () => null });

describe('the operation catalog', () => {
  it('refuses an operation name defined twice, even across apps', () => {
    expect(() => buildCatalog([{ domain: 'a', operations: [noop('a.x'), noop('a.x')] }])).toThrow(
      /a\.x is defined twice/,
    );
    expect(() =>
      buildCatalog([
        { domain: 'a', operations: [noop('a.x')] },
        { domain: 'a', operations: [noop('a.x')] },
      ]),
    ).toThrow(/defined twice/);
  });

  it('refuses an operation outside its app domain', () => {
    expect(() => buildCatalog([{ domain: 'a', operations: [noop('b.x')] }])).toThrow(/not in its app's domain/);
  });

  it('describes every operation with its roles and a JSON Schema of its input', async () => {
    const t = await testOffice();
    try {
      const ops = t.office.operations();
      const names = ops.map((o) => o.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'session.signIn',
          'setup.status',
          'setup.createFirstAdmin',
          'setup.loadDemo',
          'members.create',
          'members.update',
          'members.get',
          'members.search',
          'cloudAccounts.create',
          'cloudAccounts.list',
          'cloudAccounts.get',
          'operators.create',
          'operators.list',
          'operators.setRoles',
          'ledger.postAdjustment',
          'ledger.trialBalance',
          'ledger.accountStatement',
          'audit.list',
        ]),
      );
      expect(new Set(names).size).toBe(names.length);
      for (const op of ops) for (const role of op.roles) expect(ROLES).toContain(role);
      expect(ops.find((o) => o.name === 'session.signIn')?.roles).toEqual([]);
      const create = ops.find((o) => o.name === 'members.create')!;
      expect(create.input).toMatchObject({
        type: 'object',
        required: ['kind', 'name', 'nameKana', 'email'],
        additionalProperties: false,
      });
      const adjust = ops.find((o) => o.name === 'ledger.postAdjustment')!;
      expect(adjust.roles).toEqual(['accounting']);
      expect(JSON.stringify(adjust.input)).toContain('"pattern":"^[1-9][0-9]{0,14}$"');
      expect(apps.length).toBeGreaterThan(5);
    } finally {
      await t.close();
    }
  });

  it('answers unknown_operation for a name not in the catalog, writing nothing', async () => {
    const t = await testOffice();
    try {
      const before = await t.count('audit_log');
      expect(await t.office.call('members.drop', {}, 'admin')).toMatchObject({ ok: false, kind: 'unknown_operation' });
      expect(await t.count('audit_log')).toBe(before);
    } finally {
      await t.close();
    }
  });
});
