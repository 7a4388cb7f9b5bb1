import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogJson, defaultCatalog, SERVICES } from '../../core/rating';
import { jst, onlyAccount, rate } from './helpers';

describe('default price catalog (resources/catalog.json)', () => {
  it('R-RATE-9: covers every service, every meter the services need, with valid plans', () => {
    const plans = [...defaultCatalog().values()];
    expect(plans.every((p) => p !== null)).toBe(true);
    expect(new Set(plans.map((p) => p!.service))).toEqual(new Set(SERVICES));
    const meters = (service: string) =>
      new Set(plans.filter((p) => p!.service === service).map((p) => `${p!.meter}/${p!.charge}`));
    expect(meters('server')).toEqual(new Set(['running/metered_capped', 'lifetime/metered_capped']));
    expect(meters('volume')).toEqual(new Set(['capacity/metered_capped']));
    expect(meters('archive')).toEqual(new Set(['capacity/metered_capped']));
    expect(meters('internet')).toEqual(new Set(['transfer/metered', 'none/monthly']));
    expect(meters('network')).toEqual(new Set(['lifetime/metered_capped']));
    expect(meters('ip')).toEqual(new Set(['lifetime/metered_capped']));
    // every plan has a readable name for the table
    expect(
      (catalogJson as { plans: Array<{ name?: string }> }).plans.every(
        (p) => typeof p.name === 'string' && p.name.length > 0,
      ),
    ).toBe(true);
  });

  it('R-RATE-1: a usage file without plans is rated on the default catalog (vm.standard.s4: 10 h × ¥10.5 = ¥105)', () => {
    const bill = rate({
      month: '2026-10',
      accounts: [
        {
          account: 'CA-1',
          resources: [
            {
              id: 'vm-1',
              plan: 'vm.standard.s4',
              events: [
                { at: jst('2026-10-05T00:00:00'), type: 'create' },
                { at: jst('2026-10-05T10:00:00'), type: 'delete' },
              ],
            },
          ],
        },
      ],
    });
    expect(onlyAccount(bill).lines[0]).toMatchObject({
      plan: 'vm.standard.s4',
      quantity: '10',
      amount: '105',
      capped: false,
    });
  });

  it('core/rating imports nothing from Node (it runs in the browser for the estimate simulator)', () => {
    const dir = path.resolve(__dirname, '../../core/rating');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      const sources = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
      for (const source of sources) expect(source, `${file} imports ${source}`).toMatch(/^(\.{1,2}\/|decimal\.js$)/);
    }
  });
});
