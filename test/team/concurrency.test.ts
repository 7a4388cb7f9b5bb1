import { afterEach, describe, expect, it } from 'vitest';
import { openBackoffice } from '../../core/api/open';
import type { Backoffice, CallResult } from '../../core/api/service';
import { testOffice, type TestOffice } from '../api/helpers';
import { usageFile } from '../close/helpers';

const CLIENTS = 8;
const APPLICATIONS_PER_CLIENT = 3;

let t: TestOffice;
const clients: Backoffice[] = [];
afterEach(async () => {
  for (const c of new Set(clients.splice(0))) if (c !== t.office) await c.close();
  await t?.close();
});

function output<T>(operation: string, result: CallResult): T {
  if (!result.ok) throw new Error(`${operation}: ${result.kind}: ${result.message}`);
  return result.output as T;
}

/** Numbers of one kind and year, as integers, in order; gapless and unique when they are 1…n. */
function sequence(numbers: string[], prefix: string): number[] {
  return numbers
    .filter((n) => n.startsWith(prefix))
    .map((n) => Number(n.slice(prefix.length)))
    .sort((a, b) => a - b);
}

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('many writers at once on one ledger', () => {
  it('8 clients issue estimates and statements, confirm each deposit twice at once and run the close twice: numbers gapless and unique, each deposit applied once, the month closed once, the trial balance zero', async () => {
    t = await testOffice('2026-11-05T01:00:00.000Z');
    const members: string[] = [];
    const accounts: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const m = await t.ok<{ memberNumber: string }>(
        'members.create',
        { kind: 'corporation', name: `株式会社並行${i}`, nameKana: `ｶ)ﾍｲｺｳ${i}`, email: `p${i}@example.jp` },
        'sales',
      );
      members.push(m.memberNumber);
      accounts.push(
        (await t.ok<{ code: string }>('cloudAccounts.create', { memberNumber: m.memberNumber }, 'sales')).code,
      );
    }
    await t.ok(
      'usage.import',
      {
        content: usageFile(
          '2026-10',
          accounts.map((code) => ({ code })),
        ),
      },
      'accounting',
    );

    // Eight desktops: on PostgreSQL each its own back office (its own connections) on the same ledger. SQLite
    // lets one process write through one connection at a time (better-sqlite3 waits for a lock synchronously,
    // so two connections of one process would wait on each other): there the eight share this process's office
    // and their transactions queue for it, as eight windows of one desktop would.
    for (let i = 0; i < CLIENTS; i++)
      clients.push(
        t.engine === 'postgres'
          ? await openBackoffice(t.file, { now: () => t.clock.now, channel: `client-${i}` })
          : t.office,
      );

    const confirmations: string[] = [];
    const closes: { billedNow: number; alreadyClosed: boolean }[] = [];
    async function desk(i: number): Promise<void> {
      const me = clients[i]!;
      const neighbour = clients[(i + 1) % CLIENTS]!;
      if (i === 0 || i === CLIENTS / 2)
        closes.push(output('close', await me.call('billing.closeMonth', { month: '2026-10' }, 'accounting')));
      for (let k = 0; k < APPLICATIONS_PER_CLIENT; k++) {
        const amount = k % 2 === 0 ? '30000' : '10000';
        const { estimateNumber } = output<{ estimateNumber: string }>(
          'draft',
          await me.call('estimates.draft', { memberNumber: members[i], amount }, 'sales'),
        );
        output('issue', await me.call('estimates.issue', { estimateNumber }, 'sales'));
        const { statementNumber } = output<{ statementNumber: string }>(
          'statement',
          await me.call('prepaid.issueStatement', { estimateNumber }, 'sales'),
        );
        // Two accountants confirm the same deposit at the same moment.
        const deposit = { statementNumber, amount, valueDate: '2026-11-05', bankReference: `ZB-${i}-${k}` };
        const both = await Promise.all([
          me.call('deposits.confirm', deposit, 'accounting'),
          neighbour.call('deposits.confirm', deposit, 'accounting'),
        ]);
        for (const r of both) confirmations.push(output<{ outcome: string }>('confirm', r).outcome);
      }
    }
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => desk(i)));

    const applications = CLIENTS * APPLICATIONS_PER_CLIENT;
    const numbers = (await t.rows<{ number: string }>('select number from documents')).map((r) => r.number);
    expect(sequence(numbers, 'EST-2026-')).toEqual(oneTo(applications));
    // Prepaid statements and the close's monthly statements share one gapless series.
    expect(sequence(numbers, 'BIL-2026-')).toEqual(oneTo(applications + CLIENTS));
    expect(new Set(numbers).size).toBe(numbers.length);

    expect(confirmations.filter((c) => c === 'confirmed')).toHaveLength(applications);
    expect(confirmations.filter((c) => c === 'unchanged')).toHaveLength(applications);
    expect(await t.count('deposits')).toBe(applications);
    expect(await t.scalar('select count(*) from payments where deposit_id is not null')).toBe(applications);
    expect(await t.scalar("select count(*) from prepaid_applications where status = 'paid'")).toBe(applications);
    const paid =
      CLIENTS * (Math.ceil(APPLICATIONS_PER_CLIENT / 2) * 30000 + Math.floor(APPLICATIONS_PER_CLIENT / 2) * 10000);
    expect(
      await t.scalar("select sum(credit) - sum(debit) from ledger_entries where account = 'prepaid_liability'"),
    ).toBe(paid);

    expect(closes).toHaveLength(2);
    expect(closes.reduce((n, c) => n + c.billedNow, 0)).toBe(CLIENTS);
    expect(closes.some((c) => c.alreadyClosed || c.billedNow === 0)).toBe(true);
    expect(await t.count('bills')).toBe(CLIENTS);
    expect(await t.scalar("select count(*) from month_closes where closed_at is not null and month = '2026-10'")).toBe(
      1,
    );

    expect(await t.scalar('select sum(debit) - sum(credit) from ledger_entries')).toBe(0);
  }, 120_000);
});
