import fc from 'fast-check';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OperationInput } from '../../core/api/catalog-types';
import type { Backoffice, CallResult } from '../../core/api/service';
import { openTeamClient, type TeamClient } from '../../core/host/team-client/team-client';
import { Unreachable, type ServerLine } from '../../core/host/team-client/server-link';
import { testOffice, type TestOffice } from '../api/helpers';

/**
 * A line to the team server that goes down, comes back, and loses answers: the server did the work, the desktop
 * never heard (the connection dropped on the way back).
 */
class FlakyLine implements ServerLine {
  readonly url = new URL('https://books.test/');
  hasSession = false;
  down = false;
  loseNextAnswer = false;
  /** Every offline operation the desktop sent, as sent. */
  readonly sent: { id: string; operation: string; input: unknown; madeAt: string }[] = [];
  private login: string | null = null;

  constructor(private readonly office: Backoffice) {}

  async signIn(login: string, password: string): Promise<CallResult> {
    if (this.down) throw new Unreachable('down');
    const result = await this.office.call('session.signIn', { login, password }, null);
    if (result.ok) {
      this.login = login;
      this.hasSession = true;
    }
    return result;
  }

  async call(operation: string, input: unknown): Promise<CallResult> {
    if (this.down) throw new Unreachable('down');
    if (operation === 'sync.apply') this.sent.push(...(input as { operations: FlakyLine['sent'] }).operations);
    const result = await this.office.call(operation, input, this.login);
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw new Unreachable('the answer was lost');
    }
    return result;
  }
}

const corporation = (n: number): OperationInput<'members.create'> => ({
  kind: 'corporation',
  name: `株式会社テスト${n}`,
  nameKana: `ｶ)ﾃｽﾄ${n}`,
  email: `keiri${n}@test.example`,
});

type Step = 'create' | 'draft' | 'issue' | 'down' | 'up' | 'lose' | 'sync';

let t: TestOffice | undefined;
let client: TeamClient | undefined;
afterEach(async () => {
  await client?.close();
  await t?.close();
  client = undefined;
  t = undefined;
});

async function run(steps: Step[]): Promise<void> {
  t = await testOffice();
  const office = t.office;
  const first = await t.ok('members.create', corporation(0), 'sales');
  const line = new FlakyLine(office);
  client = await openTeamClient({
    server: line.url.href,
    folder: path.join(t.dir, `desktop-${Math.random().toString(36).slice(2)}`),
    link: line,
    syncEveryMs: 0,
    now: () => t!.clock.now,
  });
  expect((await client.call('session.signIn', { login: 'sales', password: 'demo' }, null)).ok).toBe(true);
  let member = first.memberNumber;
  const drafts: string[] = [];
  let created = 0;
  let issued = 0;
  for (const [i, step] of steps.entries()) {
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    if (step === 'down') line.down = true;
    else if (step === 'up') line.down = false;
    else if (step === 'lose') line.loseNextAnswer = true;
    else if (step === 'sync') await client.sync();
    else if (step === 'create') {
      const r = await client.call('members.create', corporation(i + 1), 'sales');
      expect(r.ok).toBe(true);
      if (r.ok) member = (r.output as { memberNumber: string }).memberNumber;
      created++;
    } else if (step === 'draft') {
      const r = await client.call('estimates.draft', { memberNumber: member, amount: '10000' }, 'sales');
      expect(r).toMatchObject({ ok: true });
      if (r.ok) drafts.push((r.output as { estimateNumber: string }).estimateNumber);
    } else if (step === 'issue' && issued < drafts.length) {
      const r = await client.call('estimates.issue', { estimateNumber: drafts[issued]! }, 'sales');
      expect(r).toMatchObject({ ok: true, output: { status: 'issued', estimateNumber: drafts[issued] } });
      issued++;
    }
  }
  line.down = false;
  line.loseNextAnswer = false;
  await client.sync();
  expect(client.status()).toMatchObject({ online: true, waiting: 0, problems: [] });

  // Each operation the rep made is held by the server exactly once.
  const made = created + drafts.length + issued;
  expect(await t.count('sync_applied')).toBe(made);
  expect(await t.count('members')).toBe(1 + created);
  expect(await t.count('prepaid_applications')).toBe(drafts.length);
  expect(Number(await t.scalar("select count(*) from prepaid_applications where status = 'issued'"))).toBe(issued);
  expect(
    (
      await t.rows<{ estimate_number: string }>(
        'select estimate_number from prepaid_applications order by estimate_number',
      )
    ).map((r) => r.estimate_number),
  ).toEqual([...drafts].sort());

  // The same operations sent again change nothing.
  const unique = [...new Map(line.sent.map((op) => [op.id, op])).values()];
  if (unique.length > 0) {
    const again = await office.call('sync.apply', { desktopId: client.desktopId, operations: unique }, 'sales');
    expect(again.ok && (again.output as { results: { replayed: boolean }[] }).results.every((r) => r.replayed)).toBe(
      true,
    );
  }
  expect(await t.count('sync_applied')).toBe(made);
  expect(await t.count('members')).toBe(1 + created);
  expect(await t.count('prepaid_applications')).toBe(drafts.length);
}

describe('the offline queue', () => {
  it('D-SYNC-6 D-SYNC-11 any interleaving of operations, lost connections and lost answers ends with the server holding each operation exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<Step>('create', 'draft', 'draft', 'issue', 'down', 'up', 'lose', 'sync'), {
          maxLength: 14,
        }),
        async (steps) => {
          try {
            await run(steps);
          } finally {
            await client?.close();
            await t?.close();
            client = undefined;
            t = undefined;
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 240_000);
});
