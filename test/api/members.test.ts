import { describe, expect, it } from 'vitest';
import { testOffice } from './helpers';

const tanaka = {
  kind: 'corporation',
  name: '株式会社田中電機',
  nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ',
  email: 'keiri@tanaka-denki.example',
};

describe('members and cloud accounts', () => {
  it('R-PARTY-1: a member is a corporation or an individual, numbered M-000001, M-000002… and nothing else is accepted', async () => {
    const t = await testOffice();
    try {
      const a = await t.ok<{ memberNumber: string; kind: string }>('members.create', tanaka, 'sales');
      const b = await t.ok<{ memberNumber: string; kind: string }>(
        'members.create',
        { kind: 'individual', name: '山田 花子', nameKana: 'ﾔﾏﾀﾞ ﾊﾅｺ', email: 'Hanako@Example.JP' },
        'sales',
      );
      expect([a.memberNumber, a.kind, b.memberNumber, b.kind]).toEqual([
        'M-000001',
        'corporation',
        'M-000002',
        'individual',
      ]);
      expect((b as unknown as { email: string }).email).toBe('hanako@example.jp');
      const before = await t.count('members');
      expect(await t.office.call('members.create', { ...tanaka, kind: 'sole_proprietor' }, 'sales')).toMatchObject({
        ok: false,
        kind: 'invalid',
        problems: [{ path: 'kind', message: 'corporation or individual' }],
      });
      expect(await t.count('members')).toBe(before);
    } finally {
      await t.close();
    }
  });

  it('bad member input names every field and writes nothing (no row, no counter, no audit)', async () => {
    const t = await testOffice();
    try {
      const counts = async () => [await t.count('members'), await t.count('counters'), await t.count('audit_log')];
      const before = await counts();
      const result = await t.office.call(
        'members.create',
        { kind: 'corporation', name: ' ', nameKana: '田中', email: 'tanaka@', phone: '03' },
        'sales',
      );
      expect(result).toMatchObject({ ok: false, kind: 'invalid' });
      expect(!result.ok && result.problems?.map((p) => p.path)).toEqual(['name', 'nameKana', 'email', 'phone']);
      expect(await counts()).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('R-PARTY-2: a member owns cloud accounts CA-000001…, each opened active with its status history', async () => {
    const t = await testOffice();
    try {
      const m = await t.ok<{ memberNumber: string }>('members.create', tanaka, 'sales');
      const ca1 = await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber, label: '本番' }, 'sales');
      await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
      expect(ca1).toMatchObject({ code: 'CA-000001', memberNumber: 'M-000001', label: '本番', status: 'active' });
      const got = await t.ok<{ cloudAccounts: { code: string; label: string }[] }>(
        'members.get',
        { memberNumber: 'M-000001' },
        'accounting',
      );
      expect(got.cloudAccounts.map((c) => [c.code, c.label])).toEqual([
        ['CA-000001', '本番'],
        ['CA-000002', 'CA-000002'],
      ]);
      expect(await t.ok('cloudAccounts.get', { code: 'CA-000002' }, 'supervisor')).toMatchObject({
        code: 'CA-000002',
        statusHistory: [{ from: null, to: 'active', cause: 'opened', at: '2026-11-10T01:00:00.000Z' }],
      });
      const before = [await t.count('cloud_accounts'), await t.count('counters'), await t.count('audit_log')];
      expect(await t.office.call('cloudAccounts.create', { memberNumber: 'M-000099' }, 'sales')).toEqual({
        ok: false,
        kind: 'invalid',
        code: 'member.not_found',
        params: { memberNumber: 'M-000099' },
        message: 'memberNumber: no member M-000099',
        problems: [
          {
            path: 'memberNumber',
            code: 'member.not_found',
            params: { memberNumber: 'M-000099' },
            message: 'no member M-000099',
          },
        ],
      });
      expect([await t.count('cloud_accounts'), await t.count('counters'), await t.count('audit_log')]).toEqual(before);
    } finally {
      await t.close();
    }
  });

  it('members.update changes only the given fields and keeps the search keys in step', async () => {
    const t = await testOffice();
    try {
      await t.ok('members.create', tanaka, 'sales');
      t.clock.now = new Date('2026-11-11T00:00:00Z');
      const updated = await t.ok(
        'members.update',
        { memberNumber: 'M-000001', name: '株式会社田中電工', nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｺｳ' },
        'sales',
      );
      expect(updated).toMatchObject({
        name: '株式会社田中電工',
        email: tanaka.email,
        updatedAt: '2026-11-11T00:00:00.000Z',
        createdAt: '2026-11-10T01:00:00.000Z',
      });
      const found = await t.ok<{ total: number }>('members.search', { query: 'ﾀﾅｶﾃﾞﾝｺ' }, 'sales');
      expect(found.total).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('members.search finds by member number, e-mail, kana and name (legal form ignored), with pages', async () => {
    const t = await testOffice();
    try {
      await t.ok('members.create', tanaka, 'sales');
      await t.ok(
        'members.create',
        { kind: 'corporation', name: '田中商事有限会社', nameKana: 'ﾀﾅｶｼﾖｳｼﾞ(ﾕ', email: 'info@tanaka-shoji.example' },
        'sales',
      );
      await t.ok(
        'members.create',
        { kind: 'individual', name: '鈴木 一郎', nameKana: 'ｽｽﾞｷ ｲﾁﾛｳ', email: 'ichiro@suzuki.example' },
        'sales',
      );
      const names = async (query: string, extra: object = {}) =>
        (
          await t.ok<{ items: { name: string }[]; total: number }>('members.search', { query, ...extra }, 'sales')
        ).items.map((i) => i.name);
      expect(await names('M-000003')).toEqual(['鈴木 一郎']);
      expect(await names('2')).toEqual(['田中商事有限会社']);
      expect(await names('ichiro@')).toEqual(['鈴木 一郎']);
      expect(await names('ﾀﾅｶ')).toEqual(['田中商事有限会社', '株式会社田中電機']);
      expect(await names('ｶ)ﾀﾅｶﾃﾞ')).toEqual(['株式会社田中電機']);
      // The one kana key (core/kana) folds full-width katakana, hiragana and small kana to the bank's form.
      expect(await names('タナカ')).toEqual(['田中商事有限会社', '株式会社田中電機']);
      expect(await names('たなかでん')).toEqual(['株式会社田中電機']);
      expect(await names('カ）タナカ')).toEqual(['田中商事有限会社', '株式会社田中電機']);
      expect(await names('すずき いち')).toEqual(['鈴木 一郎']);
      expect(await names('田中')).toEqual(['田中商事有限会社', '株式会社田中電機']);
      expect(await names('田中', { kind: 'individual' })).toEqual([]);
      expect(await names('鈴木一郎')).toEqual(['鈴木 一郎']);
      expect(await names('佐藤')).toEqual([]);
      const page2 = await t.ok<{ items: { memberNumber: string }[]; total: number; page: number }>(
        'members.search',
        { page: 2, pageSize: 2 },
        'sales',
      );
      expect([page2.total, page2.page, page2.items.map((i) => i.memberNumber)]).toEqual([3, 2, ['M-000003']]);
      expect(await t.office.call('members.search', { pageSize: 500 }, 'sales')).toMatchObject({
        ok: false,
        problems: [{ path: 'pageSize' }],
      });
    } finally {
      await t.close();
    }
  });
});
