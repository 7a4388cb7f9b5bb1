import { v7 as uuidv7 } from 'uuid';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../core/api/catalog-types';
import type { MemberView } from '../../core/parties/member-store';
import { testOffice, type TestOffice } from '../api/helpers';

const DESKTOP = '0b5f2f4e-3c61-4a8e-9d0e-6f1f5a0c7a11';
const OTHER_DESKTOP = '5d0f8a43-7f1b-4b8e-8f55-1b2c3d4e5f60';
const MADE_AT = '2026-11-10T00:30:00.000Z';

let t: TestOffice | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const corporation: OperationInput<'members.create'> = {
  kind: 'corporation',
  name: '株式会社田中電機',
  nameKana: 'ｶ)ﾀﾅｶﾃﾞﾝｷ',
  email: 'keiri@tanaka.example',
};

interface Applied {
  results: { id: string; outcome: string; replayed: boolean; output?: Record<string, unknown>; code?: string }[];
}

function op(operation: string, input: unknown, madeAt = MADE_AT) {
  return { id: uuidv7(), operation, input, madeAt };
}

describe('the team server’s side of offline work', () => {
  it('D-SYNC-3 leases a desktop a block of 20 estimate numbers, tops it up below 10 unused, and an online draft numbers past it', async () => {
    t = await testOffice();
    const m = await t.ok<MemberView>('members.create', corporation, 'sales');
    const lease = await t.ok('sync.lease', { desktopId: DESKTOP }, 'sales');
    expect(lease.blocks).toHaveLength(1);
    expect(lease.blocks[0]).toMatchObject({ prefix: 'EST-2026', first: 'EST-2026-000001', last: 'EST-2026-000020' });
    expect(lease.blocks[0]!.unused).toHaveLength(20);
    // Asking again hands out nothing more while 10 or more are unused.
    expect((await t.ok('sync.lease', { desktopId: DESKTOP }, 'sales')).blocks).toEqual(lease.blocks);
    const online = await t.ok('estimates.draft', { memberNumber: m.memberNumber, amount: '10000' }, 'sales');
    expect(online.estimateNumber).toBe('EST-2026-000021');

    const drafts = lease.blocks[0]!.unused.slice(0, 11).map((n) =>
      op('estimates.draft', { memberNumber: m.memberNumber, amount: '30000', estimateNumber: n }),
    );
    const applied = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: drafts }, 'sales');
    expect(applied.results.map((r) => r.outcome)).toEqual(Array(11).fill('applied'));
    const topped = await t.ok('sync.lease', { desktopId: DESKTOP }, 'sales');
    expect(topped.blocks.map((b) => [b.first, b.last, b.unused.length])).toEqual([
      ['EST-2026-000001', 'EST-2026-000020', 9],
      ['EST-2026-000022', 'EST-2026-000041', 20],
    ]);
    // Another desktop cannot use this desktop's numbers.
    const stolen = await t.ok<Applied>(
      'sync.apply',
      {
        desktopId: OTHER_DESKTOP,
        operations: [
          op('estimates.draft', { memberNumber: m.memberNumber, amount: '10000', estimateNumber: 'EST-2026-000012' }),
        ],
      },
      'sales',
    );
    expect(stolen.results[0]).toMatchObject({ outcome: 'refused', code: 'sync.number_not_leased' });
  });

  it('D-SYNC-5 D-SYNC-6 applies queued operations in order at the laptop’s time, each id once: a replay answers as the first time and writes nothing', async () => {
    t = await testOffice();
    t.clock.now = new Date('2026-11-10T05:00:00.000Z');
    const [block] = (await t.ok('sync.lease', { desktopId: DESKTOP }, 'sales')).blocks;
    const create = op('members.create', corporation);
    const first = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: [create] }, 'sales');
    const memberNumber = first.results[0]!.output!.memberNumber as string;
    expect(memberNumber).toBe('M-000001');
    const draft = op('estimates.draft', { memberNumber, amount: '50000', estimateNumber: block!.unused[0] });
    const issue = op('estimates.issue', { estimateNumber: block!.unused[0] });
    const queue = [create, draft, issue];
    const applied = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: queue }, 'sales');
    expect(applied.results.map((r) => [r.outcome, r.replayed])).toEqual([
      ['applied', true],
      ['applied', false],
      ['applied', false],
    ]);
    expect(applied.results[2]!.output).toMatchObject({
      estimateNumber: 'EST-2026-000001',
      status: 'issued',
      issuedAt: MADE_AT,
      validUntil: '2026-12-10',
    });
    const counts = async () => [
      await t!.count('members'),
      await t!.count('prepaid_applications'),
      await t!.count('documents'),
      await t!.count('sync_applied'),
    ];
    expect(await counts()).toEqual([1, 1, 1, 3]);
    const again = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: queue }, 'sales');
    expect(again.results.map((r) => [r.outcome, r.replayed])).toEqual([
      ['applied', true],
      ['applied', true],
      ['applied', true],
    ]);
    expect(again.results.map((r) => r.output)).toEqual(applied.results.map((r) => r.output));
    expect(await counts()).toEqual([1, 1, 1, 3]);
    expect(
      await t.scalar("select count(*) from audit_log where channel = 'test+sync' and operation = 'estimates.issue'"),
    ).toBe(1);
  });

  it('D-SYNC-2 refuses an offline estimate for a member closed meanwhile, keeps the refusal for a replay, and still applies what follows', async () => {
    t = await testOffice();
    const m = await t.ok<MemberView>('members.create', corporation, 'sales');
    const other = await t.ok<MemberView>(
      'members.create',
      { ...corporation, name: '株式会社佐藤商事', nameKana: 'ｶ)ｻﾄｳｼﾖｳｼﾞ' },
      'sales',
    );
    await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
    const [block] = (await t.ok('sync.lease', { desktopId: DESKTOP }, 'sales')).blocks;
    await t.rows("update cloud_accounts set status = 'terminated', closed_at = '2026-11-10T02:00:00.000Z'");
    const queue = [
      op('estimates.draft', { memberNumber: m.memberNumber, amount: '10000', estimateNumber: block!.unused[0] }),
      op('estimates.draft', { memberNumber: other.memberNumber, amount: '10000', estimateNumber: block!.unused[1] }),
    ];
    const applied = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: queue }, 'sales');
    expect(applied.results.map((r) => [r.outcome, r.code])).toEqual([
      ['refused', 'sync.member_closed'],
      ['applied', undefined],
    ]);
    expect(await t.scalar('select estimate_number from prepaid_applications')).toBe('EST-2026-000002');
    const again = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: queue }, 'sales');
    expect(again.results.map((r) => [r.outcome, r.code, r.replayed])).toEqual([
      ['refused', 'sync.member_closed', true],
      ['applied', undefined, true],
    ]);
    expect(await t.count('prepaid_applications')).toBe(1);
  });

  it('D-SYNC-1 refuses an offline change of a member changed on the server since, and applies one made from the server’s version', async () => {
    t = await testOffice();
    const m = await t.ok<MemberView>('members.create', corporation, 'sales');
    t.clock.now = new Date('2026-11-10T03:00:00.000Z');
    await t.ok('members.update', { memberNumber: m.memberNumber, email: 'new@tanaka.example' }, 'sales');
    const stale = op('members.update', {
      memberNumber: m.memberNumber,
      name: '田中電機株式会社',
      baseUpdatedAt: m.updatedAt,
    });
    const fresh = op('members.update', {
      memberNumber: m.memberNumber,
      address: '東京都千代田区1-1',
      baseUpdatedAt: '2026-11-10T03:00:00.000Z',
    });
    const applied = await t.ok<Applied>('sync.apply', { desktopId: DESKTOP, operations: [stale, fresh] }, 'sales');
    expect(applied.results.map((r) => [r.outcome, r.code])).toEqual([
      ['refused', 'sync.member_changed'],
      ['applied', undefined],
    ]);
    expect(await t.ok('members.get', { memberNumber: m.memberNumber }, 'sales')).toMatchObject({
      name: '株式会社田中電機',
      email: 'new@tanaka.example',
      address: '東京都千代田区1-1',
    });
  });

  it('D-SYNC-4 answers changes since a cursor: members, accounts and the rep’s own estimates changed since, and the price catalog only when it changed', async () => {
    t = await testOffice();
    const m = await t.ok<MemberView>('members.create', corporation, 'sales');
    await t.ok('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales');
    await t.ok('estimates.draft', { memberNumber: m.memberNumber, amount: '10000' }, 'sales');
    const all = await t.ok('sync.changes', { desktopId: DESKTOP, cursor: null }, 'sales');
    expect([all.members.length, all.cloudAccounts.length, all.estimates.length]).toEqual([1, 1, 1]);
    expect(all.estimates[0]).toMatchObject({ estimateNumber: 'EST-2026-000001', amount: '10000', document: null });
    // An empty ledger's catalog (the default one is read from resources/ until one is imported), sent once.
    expect(all.pricePlans).toEqual([]);

    // What changed in the 10 minutes before a cursor is sent again (a transaction may commit after its time).
    t.clock.now = new Date('2026-11-10T02:00:00.000Z');
    const overlap = await t.ok('sync.changes', { desktopId: DESKTOP, cursor: all.cursor }, 'sales');
    expect([overlap.members.length, overlap.estimates.length, overlap.pricePlans]).toEqual([1, 1, null]);
    t.clock.now = new Date('2026-11-10T02:30:00.000Z');
    const nothing = await t.ok('sync.changes', { desktopId: DESKTOP, cursor: overlap.cursor }, 'sales');
    expect([nothing.members, nothing.cloudAccounts, nothing.estimates, nothing.pricePlans]).toEqual([[], [], [], null]);

    t.clock.now = new Date('2026-11-10T03:00:00.000Z');
    await t.ok('estimates.issue', { estimateNumber: 'EST-2026-000001' }, 'sales');
    await t.ok('members.create', { ...corporation, name: '株式会社佐藤商事', nameKana: 'ｶ)ｻﾄｳｼﾖｳｼﾞ' }, 'sales');
    const since = await t.ok('sync.changes', { desktopId: DESKTOP, cursor: nothing.cursor }, 'sales');
    expect(since.members.map((x) => x.memberNumber)).toEqual(['M-000002']);
    expect(since.estimates.map((e) => [e.estimateNumber, e.status])).toEqual([['EST-2026-000001', 'issued']]);
    expect(JSON.parse(since.estimates[0]!.document!)).toMatchObject({
      number: 'EST-2026-000001',
      issueDate: '2026-11-10',
    });
    // Another rep's estimates are not in this rep's copy.
    expect(await t.office.call('sync.changes', { desktopId: DESKTOP, cursor: null }, 'accounting')).toMatchObject({
      ok: false,
      kind: 'forbidden',
    });
  });
});
