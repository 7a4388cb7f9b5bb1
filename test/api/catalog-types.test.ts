import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  JsonSafe,
  OperationInput,
  OperationName,
  OperationOutput,
  Operations,
} from '../../core/api/catalog-types';
import { apps } from '../../core/api/apps';
import type { Backoffice, CallResult } from '../../core/api/service';
import { openBackoffice } from '../../core/api/open';
import { freshLedgerPlace } from '../support/engine';
import type { TestOffice } from './helpers';

describe('the catalog typed end to end', () => {
  it('keeps each operation’s name, input and output types (a type test: tsc checks it)', () => {
    expectTypeOf<'members.create'>().toExtend<OperationName>();
    expectTypeOf<'no.such'>().not.toExtend<OperationName>();
    expectTypeOf<{ query: 'ﾀﾅｶ'; kind: 'corporation' }>().toExtend<OperationInput<'members.search'>>();
    expectTypeOf<{ query: 'ﾀﾅｶ'; page: 'one' }>().not.toExtend<OperationInput<'members.search'>>();
    expectTypeOf<OperationInput<'members.create'>['kind']>().toEqualTypeOf<'corporation' | 'individual'>();
    expectTypeOf<OperationOutput<'members.search'>['items'][number]['memberNumber']>().toEqualTypeOf<string>();
    expectTypeOf<OperationOutput<'members.search'>['total']>().toEqualTypeOf<number>();
    // Money crosses as decimal strings, never as numbers or Dec.
    expectTypeOf<OperationOutput<'ledger.trialBalance'>['totalDebit']>().toEqualTypeOf<string>();
    expectTypeOf<OperationOutput<'billing.listBills'>[number]['amountDue']>().toEqualTypeOf<string>();
    // A literal name gives the typed answer.
    const _call = (office: Backoffice) => office.call('setup.status', {}, null);
    type Answer = Awaited<ReturnType<typeof _call>>;
    expectTypeOf<Answer>().toEqualTypeOf<CallResult<{ hasOperators: boolean }>>();
    // The tests' helper takes the same types.
    const _ok = (t: TestOffice) => t.ok('members.search', { query: '' }, 'sales');
    expectTypeOf<Awaited<ReturnType<typeof _ok>>['total']>().toEqualTypeOf<number>();
  });

  it('JsonSafe tells what JSON changes', () => {
    expectTypeOf<JsonSafe<{ a: string; b: number[]; c?: { d: null } }>>().toEqualTypeOf<true>();
    expectTypeOf<JsonSafe<{ at: Date }>>().toEqualTypeOf<false>();
    expectTypeOf<JsonSafe<{ n: bigint }>>().toEqualTypeOf<false>();
    expectTypeOf<JsonSafe<{ yen: { toJSON(): string } }>>().toEqualTypeOf<false>();
    expectTypeOf<JsonSafe<unknown>>().toEqualTypeOf<false>();
  });

  it('the type map and the running catalog name the same operations', () => {
    const names: OperationName[] = apps.flatMap((app) => app.operations.map((op) => op.name));
    expect(new Set(names).size).toBe(names.length);
    const typed: Record<OperationName, true> = Object.fromEntries(names.map((n) => [n, true])) as Record<
      keyof Operations,
      true
    >;
    expect(Object.keys(typed).sort()).toEqual([...names].sort());
  });

  it('outputs are what arrives: a JSON round trip changes no read of a demo ledger', async () => {
    // Demo data goes only into an empty ledger (D-SEC-1): one without the test's operators.
    const place = await freshLedgerPlace();
    const office = await openBackoffice(place.location, { now: () => new Date('2026-11-23T03:00:00.000Z') });
    const t = {
      office,
      async ok<K extends OperationName>(name: K, input: OperationInput<K>, as: string | null) {
        const result = await office.call(name, input, as);
        if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result)}`);
        return result.output;
      },
      async close() {
        await office.close();
        await place.dispose();
      },
    };
    try {
      await t.ok('setup.loadDemo', { seed: 5, members: 20 }, null);
      const member = await t.ok('members.search', { query: '', pageSize: 1 }, 'sales');
      const memberNumber = member.items[0]!.memberNumber;
      const reads: { [K in OperationName]?: OperationInput<K> } = {
        'session.clock': {},
        'setup.status': {},
        'members.search': { query: '' },
        'members.get': { memberNumber },
        'cloudAccounts.list': { memberNumber },
        'operators.list': {},
        'ledger.trialBalance': {},
        'ledger.accountStatement': { account: 'receivables', from: '2026-08-01', to: '2026-11-30' },
        'audit.list': {},
        'estimates.list': {},
        'deposits.held': {},
        'prepaid.lateIssuances': {},
        'prepaid.list': { memberNumber },
        'bank.reviewQueue': {},
        'dunning.board': {},
        'payments.aging': {},
        'billing.listBills': { month: '2026-10' },
      };
      for (const [name, input] of Object.entries(reads)) {
        const result = await t.office.call(name, input, 'supervisor');
        const as = result.ok ? result : await t.office.call(name, input, 'admin');
        expect(as.ok, `${name}: ${JSON.stringify(as)}`).toBe(true);
        if (as.ok) expect(JSON.parse(JSON.stringify(as.output)), name).toEqual(as.output);
      }
    } finally {
      await t.close();
    }
  });
});
