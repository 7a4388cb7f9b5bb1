import { describe, expect, it } from 'vitest';
import { jst, problemsOf, usageOf, type Res } from './helpers';

const created = { at: jst('2026-10-01T00:00:00'), type: 'create' };
const vm = (events: Res['events'], plan = 'vm.plain'): Res => ({ id: 'vm-1', plan, events });
const R = 'accounts[0].resources[0]';

describe('refused usage files (contract: impossible histories, bad values)', () => {
  it('refuses an event before create and after delete', () => {
    expect(
      problemsOf(
        usageOf([
          vm([
            { at: jst('2026-10-01T00:00:00'), type: 'stop' },
            { at: jst('2026-10-02T00:00:00'), type: 'create' },
          ]),
        ]),
      ),
    ).toEqual([`${R}.events[0].type: stop before create`]);
    expect(
      problemsOf(
        usageOf([
          vm([
            created,
            { at: jst('2026-10-02T00:00:00'), type: 'delete' },
            { at: jst('2026-10-03T00:00:00'), type: 'resize', plan: 'vm.standard.s4' },
          ]),
        ]),
      ),
    ).toEqual([`${R}.events[2].type: resize after delete`]);
  });

  it('refuses start on a running machine and stop on a stopped one', () => {
    expect(problemsOf(usageOf([vm([created, { at: jst('2026-10-02T00:00:00'), type: 'start' }])]))).toEqual([
      `${R}.events[1].type: start on a running machine`,
    ]);
    expect(
      problemsOf(
        usageOf([
          vm([
            created,
            { at: jst('2026-10-02T00:00:00'), type: 'stop' },
            { at: jst('2026-10-03T00:00:00'), type: 'stop' },
          ]),
        ]),
      ),
    ).toEqual([`${R}.events[2].type: stop on a stopped machine`]);
  });

  it('refuses an unknown plan (resource or resize) and a resize to a plan of another meter', () => {
    expect(problemsOf(usageOf([vm([created], 'vm.nope')]))).toEqual([`${R}.plan: unknown plan "vm.nope"`]);
    expect(
      problemsOf(usageOf([vm([created, { at: jst('2026-10-02T00:00:00'), type: 'resize', plan: 'vm.nope' }])])),
    ).toEqual([`${R}.events[1].plan: unknown plan "vm.nope"`]);
    expect(
      problemsOf(usageOf([vm([created, { at: jst('2026-10-02T00:00:00'), type: 'resize', plan: 'dedicated.plain' }])])),
    ).toEqual([`${R}.events[1].plan: a resize to a plan of another meter (running → lifetime)`]);
  });

  it('refuses negative, non-decimal and JSON-number quantities and prices', () => {
    const inet = (gb: unknown) => ({
      id: 'inet',
      plan: 'internet.metered',
      events: [created],
      transfers: [{ at: jst('2026-10-02T00:00:00'), gb }],
    });
    expect(problemsOf(usageOf([inet('-1') as Res]))).toEqual([`${R}.transfers[0].gb: negative; must be zero or more`]);
    expect(problemsOf(usageOf([inet('1e3') as Res]))).toEqual([`${R}.transfers[0].gb: not a decimal string`]);
    expect(problemsOf(usageOf([inet(12.5) as Res]))).toEqual([
      `${R}.transfers[0].gb: a JSON number; give a decimal string such as "12.5"`,
    ]);
    expect(
      problemsOf({
        month: '2026-10',
        taxRate: 0.1,
        plans: [{ id: 'p', service: 'server', meter: 'running', charge: 'metered', unitPrice: 7 }],
        accounts: [],
      }),
    ).toEqual([
      'taxRate: a JSON number; give a decimal string such as "12.5"',
      'plans[0].unitPrice: a JSON number; give a decimal string such as "12.5"',
    ]);
  });

  it('refuses sizeGB that is not a positive JSON integer, and a capacity create without it', () => {
    const vol = (events: Res['events']): Res => ({ id: 'vol', plan: 'volume.std', events });
    expect(problemsOf(usageOf([vol([{ ...created, sizeGB: '100' as unknown as number }])]))).toEqual([
      `${R}.events[0].sizeGB: a string; give sizeGB as a JSON integer`,
    ]);
    expect(problemsOf(usageOf([vol([{ ...created, sizeGB: 1.5 }])]))).toEqual([
      `${R}.events[0].sizeGB: not a positive whole number of GB`,
    ]);
    expect(problemsOf(usageOf([vol([{ ...created, sizeGB: 0 }])]))).toEqual([
      `${R}.events[0].sizeGB: not a positive whole number of GB`,
    ]);
    expect(problemsOf(usageOf([vol([created])]))).toEqual([
      `${R}.events[0].sizeGB: required on create for a capacity plan`,
    ]);
  });

  it('refuses times without an offset and unknown event types', () => {
    expect(
      problemsOf(
        usageOf([
          vm([
            { at: '2026-10-01T00:00:00', type: 'create' },
            { at: jst('2026-10-31T00:00:00'), type: 'reboot' },
          ]),
        ]),
      ),
    ).toEqual([
      `${R}.events[0].at: not an ISO 8601 time with an offset`,
      `${R}.events[1].type: not one of create, stop, start, resize, delete`,
    ]);
    expect(problemsOf(usageOf([vm([{ at: jst('2026-02-30T00:00:00'), type: 'create' }])]))).toEqual([
      `${R}.events[0].at: not an ISO 8601 time with an offset`,
    ]);
  });

  it('collects every problem of the file, across accounts, plans and the header', () => {
    const usage = {
      month: '2026-13',
      taxMode: 'per_line',
      plans: [
        { id: 'vm.plain', service: 'server', meter: 'running', charge: 'metered', unitPrice: '7' },
        { id: 'x', service: 'dns', meter: 'running', charge: 'metered', unitPrice: '1' },
      ],
      accounts: [
        { account: 'CA-1', resources: [vm([created, { at: jst('2026-10-02T00:00:00'), type: 'start' }])] },
        { account: 'CA-1', resources: [{ id: 'a', plan: 'vm.plain', events: [{ at: 'soon', type: 'create' }] }] },
      ],
    };
    expect(problemsOf(usage)).toEqual([
      'month: not a month as YYYY-MM',
      'taxMode: not one of per_service, per_invoice',
      'plans[1].service: not one of server, license, volume, internet, network, archive, ip',
      'accounts: could not be checked without a valid month',
    ]);
    const checked = { ...usage, month: '2026-10', taxMode: 'per_service' };
    expect(problemsOf(checked)).toEqual([
      'plans[1].service: not one of server, license, volume, internet, network, archive, ip',
      `${R}.events[1].type: start on a running machine`,
      'accounts[1].account: duplicate account "CA-1"',
      'accounts[1].resources[0].events[0].at: not an ISO 8601 time with an offset',
    ]);
  });

  it("refuses transfers outside the resource's life and on a resource that is not on a transfer plan", () => {
    const inet: Res = {
      id: 'inet',
      plan: 'internet.metered',
      events: [{ at: jst('2026-10-10T00:00:00'), type: 'create' }],
      transfers: [{ at: jst('2026-10-05T00:00:00'), gb: '1' }],
    };
    expect(problemsOf(usageOf([inet]))).toEqual([
      `${R}.transfers[0].at: a transfer while the resource does not exist (before its create or after its delete)`,
    ]);
    expect(
      problemsOf(usageOf([{ ...vm([created]), transfers: [{ at: jst('2026-10-05T00:00:00'), gb: '1' }] }])),
    ).toEqual([`${R}.transfers: only a resource on a transfer plan has transfers`]);
  });

  it('keeps the file order of events at the same time, also when the file is out of order', () => {
    const late = { at: jst('2026-10-20T00:00:00'), type: 'delete' };
    const stop = { at: jst('2026-10-05T00:00:00'), type: 'stop' };
    const start = { at: jst('2026-10-05T00:00:00'), type: 'start' };
    expect(problemsOf(usageOf([vm([late, start, stop, created])]))).toEqual([
      `${R}.events[1].type: start on a running machine`,
    ]);
    expect(() => problemsOf(usageOf([vm([late, stop, start, created])]))).toThrow('expected the usage to be refused');
  });

  it('ignores events after the month but still checks their fields', () => {
    expect(
      problemsOf(
        usageOf([
          vm([
            created,
            { at: jst('2026-11-02T00:00:00'), type: 'start' },
            { at: jst('2026-11-03T00:00:00'), type: 'resize', plan: 'vm.nope' },
          ]),
        ]),
      ),
    ).toEqual([`${R}.events[2].plan: unknown plan "vm.nope"`]);
  });

  it('refuses a file that is not a usage object', () => {
    expect(problemsOf([])).toEqual(['$: not a usage object']);
    expect(problemsOf({ month: '2026-10' })).toEqual(['accounts: not a list of accounts']);
  });
});
