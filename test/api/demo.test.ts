import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import { openDatabase } from '../../core/ledger/open-database';
import { defaultCatalog, rateUsage } from '../../core/rating';
import { freshLedgerPlace } from '../support/engine';

const now = new Date('2026-11-23T03:00:00.000Z');

async function demoDatabase(seed: number) {
  const place = await freshLedgerPlace();
  try {
    const office = await openBackoffice(place.location, { now: () => now });
    const result = await office.call('setup.loadDemo', { seed, members: 60 }, null);
    await office.close();
    if (!result.ok) throw new Error(JSON.stringify(result));
    const { db, close } = await openDatabase(place.location, { migrate: false });
    const all = async <T>(query: string) => (await sql.raw<T>(query).execute(db)).rows;
    const snapshot = {
      members: await all<{ kind: string; name: string; name_kana: string }>(
        'select member_number, kind, name, name_kana, email from members order by id',
      ),
      accounts: await all('select code, member_id, label from cloud_accounts order by id'),
      usage: await all<{ month: string; content: string }>(
        'select month, content_digest, content from usage_imports order by month',
      ),
      operators: await all(
        "select login, string_agg(role, ',' order by role) as roles from operators join operator_roles on operator_id = id group by login order by login",
      ),
    };
    await close();
    return { summary: result.output as { members: number; cloudAccounts: number; usageMonths: string[] }, snapshot };
  } finally {
    await place.dispose();
  }
}

describe('the demo company', () => {
  it('is the same for the same seed and clock, and another seed gives another company', async () => {
    {
      const a = await demoDatabase(42);
      const b = await demoDatabase(42);
      const c = await demoDatabase(43);
      expect(b.snapshot).toEqual(a.snapshot);
      expect(c.snapshot.members).not.toEqual(a.snapshot.members);
      expect(a.summary.usageMonths).toEqual(['2026-08', '2026-09', '2026-10']);
      expect(a.snapshot.operators).toEqual([
        { login: 'accounting', roles: 'accounting' },
        { login: 'admin', roles: 'admin' },
        { login: 'sales', roles: 'sales' },
        { login: 'supervisor', roles: 'supervisor' },
      ]);
      const kinds = new Set(a.snapshot.members.map((m) => m.kind));
      expect(kinds).toEqual(new Set(['corporation', 'individual']));
      const corp = a.snapshot.members.find((m) => m.kind === 'corporation')!;
      expect(corp.name).toMatch(/株式会社/);
      expect(corp.name_kana).toMatch(/^ｶ\)|\(ｶ$/);
      expect(a.summary.cloudAccounts).toBeGreaterThanOrEqual(60);
      expect(a.summary.cloudAccounts).toBeLessThanOrEqual(180);
    }
  });

  it('its usage files follow the rating contract: each rates without a problem and bills most accounts', async () => {
    const { snapshot, summary } = await demoDatabase(1);
    expect(snapshot.usage.map((u) => u.month)).toEqual(summary.usageMonths);
    for (const usage of snapshot.usage) {
      const bill = rateUsage(JSON.parse(usage.content), defaultCatalog());
      expect(bill.month).toBe(usage.month);
      expect(bill.accounts.length).toBeGreaterThan(summary.cloudAccounts / 2);
    }
  });

  it('D-SEC-1: loading it again is refused once the ledger has operators, even to an admin', async () => {
    const place = await freshLedgerPlace();
    try {
      const office = await openBackoffice(place.location, { now: () => now });
      expect(await office.call('setup.loadDemo', { members: 5 }, null)).toMatchObject({ ok: true });
      expect(await office.call('setup.loadDemo', { members: 5 }, null)).toMatchObject({
        ok: false,
        kind: 'unauthenticated',
      });
      expect(await office.call('setup.loadDemo', { members: 5 }, 'sales')).toMatchObject({
        ok: false,
        kind: 'forbidden',
      });
      // D-SEC-1: never again into a ledger that has operators, not even by an admin.
      expect(await office.call('setup.loadDemo', { members: 5 }, 'admin')).toMatchObject({
        ok: false,
        kind: 'forbidden',
        code: 'setup.demo_needs_empty_ledger',
      });
      await office.close();
    } finally {
      await place.dispose();
    }
  });
});
