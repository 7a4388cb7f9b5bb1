import { describe, expect, it } from 'vitest';
import { jst, linesOf, onlyAccount, PLANS, rate, usageOf, type Res } from './helpers';

const vm = (id: string, plan: string, events: Res['events']): Res => ({ id, plan, events });

describe('rating rules (DOMAIN.md R-RATE-*)', () => {
  it('R-RATE-1: metered is quantity × unit price (10 h × ¥7 = ¥70)', () => {
    const [line] = linesOf(
      usageOf([
        vm('vm-1', 'vm.plain', [
          { at: jst('2026-10-05T00:00:00'), type: 'create' },
          { at: jst('2026-10-05T10:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toEqual({
      resource: 'vm-1',
      plan: 'vm.plain',
      service: 'server',
      quantity: '10',
      unit: 'hour',
      amount: '70',
      capped: false,
    });
  });

  it('R-RATE-1: metered_capped stops at the monthly cap (744 h × ¥10.5 = ¥7,812 → ¥6,800) and is not capped below it (600 h → ¥6,300)', () => {
    const whole = linesOf(
      usageOf([vm('vm-1', 'vm.standard.s4', [{ at: jst('2026-09-01T00:00:00'), type: 'create' }])]),
    );
    expect(whole[0]).toMatchObject({ quantity: '744', amount: '6800', capped: true });
    const part = linesOf(
      usageOf([
        vm('vm-1', 'vm.standard.s4', [
          { at: jst('2026-10-01T00:00:00'), type: 'create' },
          { at: jst('2026-10-26T00:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(part[0]).toMatchObject({ quantity: '600', amount: '6300', capped: false });
  });

  it('R-RATE-1: monthly is the fixed price whatever the usage (flat option on since September: 1 month, ¥5,000)', () => {
    const [line] = linesOf(
      usageOf([vm('flat', 'internet.flat', [{ at: jst('2026-09-03T00:00:00'), type: 'create' }])]),
    );
    expect(line).toMatchObject({ quantity: '1', unit: 'month', amount: '5000', capped: false });
  });

  it('R-RATE-2: time is exact to the second, never rounded up: 1 h 1 s at ¥3,600/h is ¥3,601 (3601/3600 h)', () => {
    const [line] = linesOf(
      usageOf([
        vm('vm-1', 'vm.hourly3600', [
          { at: jst('2026-10-05T10:00:00'), type: 'create' },
          { at: jst('2026-10-05T11:00:01'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '1.000278', amount: '3601' });
  });

  it('R-RATE-3: month bounds are JST: 2026-09-30T15:00:00Z is Oct 1 00:00, 2026-10-31T15:00:00Z is Nov 1 00:00', () => {
    const lines = linesOf(
      usageOf([
        // created Sep 30 23:00 JST, deleted Oct 2 00:00 JST: 24 h of October
        vm('a', 'vm.plain', [
          { at: '2026-09-30T14:00:00Z', type: 'create' },
          { at: '2026-10-01T15:00:00Z', type: 'delete' },
        ]),
        // created exactly at the month's start (UTC text): the whole month, 744 h
        vm('b', 'vm.plain', [
          { at: '2026-09-30T15:00:00Z', type: 'create' },
          { at: '2026-10-31T15:00:00Z', type: 'delete' },
        ]),
        // created at Nov 1 00:00 JST: not in October at all
        vm('c', 'vm.plain', [{ at: '2026-10-31T15:00:00Z', type: 'create' }]),
      ]),
    );
    expect(lines.map((l) => [l.resource, l.quantity, l.amount])).toEqual([
      ['a', '24', '168'],
      ['b', '744', '5208'],
    ]);
  });

  it('R-RATE-3: running counts only running time, lifetime counts stopped time too (15 h vs 29 h)', () => {
    const events = [
      { at: jst('2026-10-01T00:00:00'), type: 'create' },
      { at: jst('2026-10-01T10:00:00'), type: 'stop' },
      { at: jst('2026-10-02T00:00:00'), type: 'start' },
      { at: jst('2026-10-02T05:00:00'), type: 'delete' },
    ];
    const lines = linesOf(usageOf([vm('vm', 'vm.plain', events), vm('dedi', 'dedicated.plain', events)]));
    expect(lines.map((l) => [l.resource, l.quantity, l.amount])).toEqual([
      ['vm', '15', '105'],
      ['dedi', '29', '203'],
    ]);
  });

  it('R-RATE-3: events before the month set its starting state; events listed out of order are sorted (528 h)', () => {
    // stopped on Sep 20, so not running on Oct 1; started Oct 10 00:00 JST: 22 days × 24 h
    const [line] = linesOf(
      usageOf([
        vm('vm-1', 'vm.plain', [
          { at: jst('2026-10-10T00:00:00'), type: 'start' },
          { at: jst('2026-09-20T00:00:00'), type: 'stop' },
          { at: jst('2026-09-01T00:00:00'), type: 'create' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '528', amount: '3696' });
  });

  it('R-RATE-3: capacity is GB × hours from create to delete (50 GB × 24 h = 1,200 GB-hour × ¥0.01 = ¥12)', () => {
    const [line] = linesOf(
      usageOf([
        vm('disk', 'volume.plain', [
          { at: jst('2026-10-10T00:00:00'), type: 'create', sizeGB: 50 },
          { at: jst('2026-10-10T12:00:00'), type: 'stop' },
          { at: jst('2026-10-11T00:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '1200', unit: 'GB-hour', amount: '12', capped: false });
  });

  it('R-RATE-3: transfer is the GB of the month × price; transfers outside the JST month are not counted (3.5 GB × ¥10)', () => {
    const [line] = linesOf(
      usageOf([
        {
          id: 'inet',
          plan: 'internet.metered',
          events: [{ at: jst('2026-01-01T00:00:00'), type: 'create' }],
          transfers: [
            { at: jst('2026-09-30T23:59:59'), gb: '100' },
            { at: '2026-09-30T15:00:00Z', gb: '1.5' },
            { at: jst('2026-10-31T23:59:59'), gb: '2' },
            { at: jst('2026-11-01T00:00:00'), gb: '100' },
          ],
        },
      ]),
    );
    expect(line).toMatchObject({ quantity: '3.5', unit: 'GB', amount: '35' });
  });

  it("R-RATE-4: a resize ends the old plan's line and starts one on the new plan, each with its own cap", () => {
    // s4 from before the month to Oct 28 00:00: 648 h × ¥10.5 = ¥6,804 → cap ¥6,800; m8 for 96 h × ¥21 = ¥2,016
    const lines = linesOf(
      usageOf([
        vm('vm-1', 'vm.standard.s4', [
          { at: jst('2026-09-15T00:00:00'), type: 'create' },
          { at: jst('2026-10-28T00:00:00'), type: 'resize', plan: 'vm.standard.m8' },
        ]),
      ]),
    );
    expect(lines.map((l) => [l.plan, l.quantity, l.amount, l.capped])).toEqual([
      ['vm.standard.s4', '648', '6800', true],
      ['vm.standard.m8', '96', '2016', false],
    ]);
    expect(
      onlyAccount(
        rate(
          usageOf([
            vm('vm-1', 'vm.standard.s4', [
              { at: jst('2026-09-15T00:00:00'), type: 'create' },
              { at: jst('2026-10-28T00:00:00'), type: 'resize', plan: 'vm.standard.m8' },
            ]),
          ]),
        ),
      ).subtotal,
    ).toBe('8816');
  });

  it("R-RATE-4: back on a plan it had earlier, a resource adds to that plan's one line (10 h + 3 h on s4, 5 h on m8)", () => {
    const lines = linesOf(
      usageOf([
        vm('vm-1', 'vm.standard.s4', [
          { at: jst('2026-10-01T00:00:00'), type: 'create' },
          { at: jst('2026-10-01T10:00:00'), type: 'resize', plan: 'vm.standard.m8' },
          { at: jst('2026-10-01T15:00:00'), type: 'resize', plan: 'vm.standard.s4' },
          { at: jst('2026-10-01T18:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(lines.map((l) => [l.plan, l.quantity, l.amount])).toEqual([
      ['vm.standard.s4', '13', '136.5'],
      ['vm.standard.m8', '5', '105'],
    ]);
  });

  it('R-RATE-5: a volume that shrinks and grows is charged per GB layer, each capped per GB (¥880, not 75,600 GB-h × ¥0.0125 = ¥945)', () => {
    // 100 GB Oct 1–11 (240 h), 50 GB Oct 11–21 (240 h), 150 GB Oct 21–Nov 1 (264 h).
    // GB 1–50: 744 h → 9.3 → cap 8 × 50 = 400; GB 51–100: 504 h → 6.3 × 50 = 315; GB 101–150: 264 h → 3.3 × 50 = 165.
    const [line] = linesOf(
      usageOf([
        vm('vol', 'volume.std', [
          { at: jst('2026-10-01T00:00:00'), type: 'create', sizeGB: 100 },
          { at: jst('2026-10-11T00:00:00'), type: 'resize', sizeGB: 50 },
          { at: jst('2026-10-21T00:00:00'), type: 'resize', sizeGB: 150 },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '75600', unit: 'GB-hour', amount: '880', capped: true });
  });

  it('R-RATE-5: a volume whose layers all stay under the cap per GB is not capped (40 GB × 240 h × ¥0.0125 = ¥120)', () => {
    const [line] = linesOf(
      usageOf([
        vm('vol', 'volume.std', [
          { at: jst('2026-10-01T00:00:00'), type: 'create', sizeGB: 40 },
          { at: jst('2026-10-11T00:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '9600', amount: '120', capped: false });
  });

  it('R-RATE-6: monthly starting mid-month is prorated by used days from the JST start day (Oct 15 → 17/31 of ¥5,000)', () => {
    const [line] = linesOf(
      usageOf([vm('flat', 'internet.flat', [{ at: jst('2026-10-15T09:00:00'), type: 'create' }])]),
    );
    expect(line).toMatchObject({ quantity: '0.548387', unit: 'month', amount: '2741.935484' });
  });

  it('R-RATE-6: in a leap February the proration is /29 (Feb 10 → 20/29 of ¥5,000 = ¥3,448.275862)', () => {
    const bill = onlyAccount(
      rate(
        usageOf([vm('flat', 'internet.flat', [{ at: jst('2028-02-10T12:00:00'), type: 'create' }])], {
          month: '2028-02',
        }),
      ),
    );
    expect(bill.lines[0]).toMatchObject({ quantity: '0.689655', amount: '3448.275862' });
    expect(bill.subtotal).toBe('3448');
  });

  it('R-RATE-6: a monthly start on the 1st (given in UTC) is the full price', () => {
    const [line] = linesOf(usageOf([vm('flat', 'internet.flat', [{ at: '2026-09-30T15:00:00Z', type: 'create' }])]));
    expect(line).toMatchObject({ quantity: '1', amount: '5000' });
  });

  it('R-RATE-6: a monthly service started and ended in the same month follows the start-month rule (Oct 15–20: 17/31)', () => {
    const [line] = linesOf(
      usageOf([
        vm('flat', 'internet.flat', [
          { at: jst('2026-10-15T00:00:00'), type: 'create' },
          { at: jst('2026-10-20T00:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '0.548387', amount: '2741.935484' });
  });

  it('R-RATE-6: in the month a monthly service ends, the full price is charged (deleted Oct 3)', () => {
    const [line] = linesOf(
      usageOf([
        vm('flat', 'internet.flat', [
          { at: jst('2026-09-01T00:00:00'), type: 'create' },
          { at: jst('2026-10-03T00:00:00'), type: 'delete' },
        ]),
      ]),
    );
    expect(line).toMatchObject({ quantity: '1', amount: '5000' });
  });

  it('R-RATE-7: transfers made while the flat option exists are not charged, before and after it they are (5 GB)', () => {
    const bill = onlyAccount(
      rate(
        usageOf([
          {
            id: 'inet',
            plan: 'internet.metered',
            events: [{ at: jst('2026-01-01T00:00:00'), type: 'create' }],
            transfers: [
              { at: jst('2026-10-05T00:00:00'), gb: '2' },
              { at: jst('2026-10-10T00:00:00'), gb: '30' },
              { at: jst('2026-10-15T00:00:00'), gb: '40' },
              { at: jst('2026-10-20T00:00:00'), gb: '3' },
            ],
          },
          // flat option from Oct 10 00:00 (inclusive) to Oct 20 00:00 (exclusive): 22/31 of ¥5,000 = ¥3,548.387097
          vm('flat', 'internet.flat', [
            { at: jst('2026-10-10T00:00:00'), type: 'create' },
            { at: jst('2026-10-20T00:00:00'), type: 'delete' },
          ]),
        ]),
      ),
    );
    expect(bill.lines.map((l) => [l.resource, l.quantity, l.amount])).toEqual([
      ['inet', '5', '50'],
      ['flat', '0.709677', '3548.387097'],
    ]);
    expect(bill.services).toEqual([{ service: 'internet', subtotal: '3598', tax: '359', total: '3957' }]);
  });

  it('R-RATE-8: three lines of 7/3 yen make a service subtotal of ¥7, not ¥6', () => {
    const third = (id: string): Res =>
      vm(id, 'vm.plain', [
        { at: jst('2026-10-01T00:00:00'), type: 'create' },
        { at: jst('2026-10-01T00:20:00'), type: 'delete' },
      ]);
    const bill = onlyAccount(rate(usageOf([third('a'), third('b'), third('c')])));
    expect(bill.lines.map((l) => [l.quantity, l.amount])).toEqual([
      ['0.333333', '2.333333'],
      ['0.333333', '2.333333'],
      ['0.333333', '2.333333'],
    ]);
    expect(bill.services[0]).toEqual({ service: 'server', subtotal: '7', tax: '0', total: '7' });
  });

  it('R-RATE-9: lines and services follow server, license, volume, internet, network, archive, ip, then file position', () => {
    const day = [
      { at: jst('2026-10-01T00:00:00'), type: 'create', sizeGB: 10 },
      { at: jst('2026-10-02T00:00:00'), type: 'delete' },
    ];
    const bill = onlyAccount(
      rate(
        usageOf([
          vm('ip-1', PLANS.ip.id, day),
          vm('arc-1', PLANS.archive.id, day),
          vm('net-1', PLANS.network.id, day),
          vm('flat', PLANS.flat.id, day),
          vm('vol-1', PLANS.disk.id, day),
          vm('lic-1', PLANS.license.id, day),
          vm('vm-2', PLANS.vm.id, day),
          vm('vm-1', PLANS.vm.id, day),
        ]),
      ),
    );
    expect(bill.lines.map((l) => l.resource)).toEqual([
      'vm-2',
      'vm-1',
      'lic-1',
      'vol-1',
      'flat',
      'net-1',
      'arc-1',
      'ip-1',
    ]);
    expect(bill.services.map((s) => s.service)).toEqual([
      'server',
      'license',
      'volume',
      'internet',
      'network',
      'archive',
      'ip',
    ]);
    // 24 h: server 2 × ¥168; license ¥48; volume 240 GB-h × ¥0.01; flat 31/31 × ¥5,000; network ¥72; archive ¥2.4; ip ¥24
    expect(bill.services.map((s) => s.subtotal)).toEqual(['336', '48', '2', '5000', '72', '2', '24']);
  });

  it('R-RATE-9: an account with no charged line still has a bill of ¥0', () => {
    const bill = onlyAccount(rate(usageOf([])));
    expect(bill).toEqual({ account: 'CA-1', lines: [], services: [], subtotal: '0', tax: '0', total: '0' });
  });
});
