import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../core/money';
import { billingMonth, formatJstInstant } from '../../core/time';
import { rate, type Ev, type Res } from './helpers';

const OCTOBER = billingMonth(2026, 10);

/** An instant as the platform might write it: UTC with milliseconds, or JST with seconds. */
function iso(ms: number, asJst: boolean): string {
  if (!asJst) return new Date(ms).toISOString();
  return formatJstInstant(ms);
}

/** Distinct whole seconds from 5 days before October to 2 days after it, sorted. */
const instants = (min: number, max: number) =>
  fc
    .uniqueArray(fc.integer({ min: -5 * 86_400, max: 33 * 86_400 }), { minLength: min, maxLength: max })
    .map((seconds) => seconds.sort((a, b) => a - b).map((s) => OCTOBER.start + s * 1000));

/** A machine: create, then stop/start alternately, maybe a delete at the end. */
const machineHistory = fc
  .record({ times: instants(1, 14), deleted: fc.boolean(), asJst: fc.boolean() })
  .map(({ times, deleted, asJst }) =>
    times.map((t, i): Ev => {
      const type = i === 0 ? 'create' : deleted && i === times.length - 1 ? 'delete' : i % 2 === 1 ? 'stop' : 'start';
      return { at: iso(t, asJst), type };
    }),
  );

/** A volume: create with a size, then resizes to other sizes, maybe a delete. */
const volumeHistory = fc
  .record({
    times: instants(1, 8),
    sizes: fc.array(fc.integer({ min: 1, max: 2000 }), { minLength: 8, maxLength: 8 }),
    deleted: fc.boolean(),
  })
  .map(({ times, sizes, deleted }) =>
    times.map((t, i): Ev => {
      if (i === 0) return { at: iso(t, true), type: 'create', sizeGB: sizes[0]! };
      if (deleted && i === times.length - 1) return { at: iso(t, true), type: 'delete' };
      return { at: iso(t, true), type: 'resize', sizeGB: sizes[i]! };
    }),
  );

/** A decimal string with up to 4 decimals, from 0.0001 to 100. */
const price = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Dec(n).dividedBy(10_000).toFixed());
const capValue = fc.integer({ min: 1, max: 100_000 }).map((n) => new Dec(n).dividedBy(100).toFixed());

function usage(resources: Res[], plans: unknown[], extra: Record<string, unknown> = {}) {
  return { month: '2026-10', plans, accounts: [{ account: 'CA-1', resources }], ...extra };
}

describe('rating properties', () => {
  it('R-RATE-1: a capped machine line never exceeds its monthly cap', () => {
    fc.assert(
      fc.property(machineHistory, price, capValue, (events, unitPrice, monthlyCap) => {
        const plans = [
          { id: 'vm', service: 'server', meter: 'running', charge: 'metered_capped', unitPrice, monthlyCap },
        ];
        for (const line of rate(usage([{ id: 'vm-1', plan: 'vm', events }], plans)).accounts[0]!.lines) {
          expect(new Dec(line.amount).lte(monthlyCap)).toBe(true);
          if (line.capped) expect(line.amount).toBe(new Dec(monthlyCap).toFixed());
        }
      }),
    );
  });

  it('R-RATE-5: a capped volume line never exceeds its cap per GB × the largest size it had', () => {
    fc.assert(
      fc.property(volumeHistory, price, capValue, (events, unitPrice, monthlyCap) => {
        const plans = [
          { id: 'vol', service: 'volume', meter: 'capacity', charge: 'metered_capped', unitPrice, monthlyCap },
        ];
        const largest = Math.max(...events.map((e) => e.sizeGB ?? 0));
        for (const line of rate(usage([{ id: 'vol-1', plan: 'vol', events }], plans)).accounts[0]!.lines) {
          expect(new Dec(line.amount).lte(new Dec(monthlyCap).times(largest))).toBe(true);
          // never more than the uncapped price either (quantity and amount are shown to 6 places: allow their rounding)
          const rounding = new Dec('0.0000005').times(new Dec(unitPrice).plus(1));
          expect(new Dec(line.amount).lte(new Dec(line.quantity).times(unitPrice).plus(rounding))).toBe(true);
        }
      }),
    );
  });

  it('R-RATE-2: a stop and a start at the same instant inside a running stretch never change the bill', () => {
    fc.assert(
      fc.property(machineHistory, fc.integer({ min: 0, max: 31 * 86_400 }), price, (events, second, unitPrice) => {
        const plans = [{ id: 'vm', service: 'server', meter: 'running', charge: 'metered', unitPrice }];
        const at = OCTOBER.start + second * 1000;
        const times = events.map((e) => Date.parse(e.at));
        // the machine state just before `at`: running when the last event before it is a create or a start
        const lastBefore = times.findLastIndex((t) => t < at);
        fc.pre(lastBefore >= 0 && !times.includes(at) && ['create', 'start'].includes(events[lastBefore]!.type));
        const split = [...events, { at: iso(at, true), type: 'stop' }, { at: iso(at, false), type: 'start' }];
        const before = rate(usage([{ id: 'vm-1', plan: 'vm', events }], plans));
        expect(rate(usage([{ id: 'vm-1', plan: 'vm', events: split }], plans))).toEqual(before);
      }),
    );
  });

  it('R-RATE-4: the order of events in the file (distinct times) never changes the bill', () => {
    fc.assert(
      fc.property(
        machineHistory,
        volumeHistory,
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (machine, volume, keys) => {
          const plans = [
            {
              id: 'vm',
              service: 'server',
              meter: 'running',
              charge: 'metered_capped',
              unitPrice: '10.5',
              monthlyCap: '6800',
            },
            {
              id: 'vol',
              service: 'volume',
              meter: 'capacity',
              charge: 'metered_capped',
              unitPrice: '0.0125',
              monthlyCap: '8',
            },
          ];
          const shuffle = <T>(list: T[]): T[] => {
            const it = keys[Symbol.iterator]();
            return list
              .map((item) => ({ item, key: it.next().value as number }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.item);
          };
          const resources = (m: Ev[], v: Ev[]): Res[] => [
            { id: 'vm-1', plan: 'vm', events: m },
            { id: 'vol-1', plan: 'vol', events: v },
          ];
          const expected = rate(usage(resources(machine, volume), plans));
          expect(rate(usage(resources(shuffle(machine), shuffle(volume)), plans))).toEqual(expected);
        },
      ),
    );
  });

  it("R-TAX-2: each service's total is floor(subtotal × (1 + rate)) and its tax the difference", () => {
    fc.assert(
      fc.property(machineHistory, volumeHistory, fc.integer({ min: 0, max: 250 }), (machine, volume, permille) => {
        const taxRate = new Dec(permille).dividedBy(1000).toFixed();
        const plans = [
          { id: 'vm', service: 'server', meter: 'running', charge: 'metered', unitPrice: '10.5' },
          { id: 'vol', service: 'volume', meter: 'capacity', charge: 'metered', unitPrice: '0.0125' },
        ];
        const bill = rate(
          usage(
            [
              { id: 'vm-1', plan: 'vm', events: machine },
              { id: 'vol-1', plan: 'vol', events: volume },
            ],
            plans,
            { taxRate },
          ),
        );
        const account = bill.accounts[0]!;
        let subtotal = new Dec(0);
        let tax = new Dec(0);
        for (const s of account.services) {
          expect(s.total).toBe(new Dec(s.subtotal).times(new Dec(taxRate).plus(1)).floor().toFixed());
          expect(s.tax).toBe(new Dec(s.total!).minus(s.subtotal).toFixed());
          subtotal = subtotal.plus(s.subtotal);
          tax = tax.plus(s.tax!);
        }
        expect([account.subtotal, account.tax, account.total]).toEqual([
          subtotal.toFixed(),
          tax.toFixed(),
          subtotal.plus(tax).toFixed(),
        ]);
      }),
    );
  });
});
