import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../support/cli-buffers';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

describe('CLI: import-usage, close-month, daily', () => {
  it('imports a usage file once ("already imported" the second time), refuses unknown accounts with exit 2, closes with progress on stderr, runs the daily job', async () => {
    o = await billingOffice();
    // The commands read the clock from BACKOFFICE_NOW: October is closed on 2026-11-02, on time (R-BILL-7).
    const testNow = process.env['BACKOFFICE_NOW'];
    process.env['BACKOFFICE_NOW'] = '2026-11-02T10:00:00+09:00';
    onTestFinished(() => {
      if (testNow === undefined) delete process.env['BACKOFFICE_NOW'];
      else process.env['BACKOFFICE_NOW'] = testNow;
    });
    const code = await o.account(await o.member('corporation'));
    const file = path.join(o.dir, 'usage.json');
    writeFileSync(file, usageFile('2026-10', [{ code }]));
    const first = await runCli('import-usage', file, '--as', 'accounting', '--db', o.file);
    expect(first.status).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ imported: true, month: '2026-10', accounts: 1 });
    const second = await runCli('import-usage', file, '--as', 'accounting', '--db', o.file);
    expect(second.status).toBe(0);
    expect(JSON.parse(second.out)).toMatchObject({ imported: false });
    expect(JSON.parse(second.out).message).toMatch(/^already imported/);

    writeFileSync(file, usageFile('2026-10', [{ code: 'CA-777777' }]));
    const unknown = await runCli('import-usage', file, '--as', 'accounting', '--db', o.file);
    expect(unknown).toEqual({ status: 2, out: '', err: 'accounts[0].account: no cloud account CA-777777\n' });

    const closed = await runCli('close-month', '2026-10', '--as', 'accounting', '--db', o.file);
    expect(closed.status).toBe(0);
    expect(closed.err).toBe('close-month 2026-10: 0/1 bills\nclose-month 2026-10: 1/1 bills\n');
    expect(JSON.parse(closed.out)).toMatchObject({ bills: 1, billedNow: 1, alreadyClosed: false });
    const forbidden = await runCli('close-month', '2026-10', '--as', 'sales', '--db', o.file);
    expect(forbidden.status).toBe(1);

    // R-DUN-8: the job runs for today or an earlier day: the command's clock reads 2026-11-26 from here on.
    process.env['BACKOFFICE_NOW'] = '2026-11-26T09:00:00+09:00';
    const daily = await runCli('daily', '--date', '2026-11-26', '--as', 'accounting', '--db', o.file);
    expect(daily.status).toBe(0);
    // R-DUN-5: October's bill was due Wed 11-25 and is unpaid: restricted at 00:00 on 11-26.
    expect(JSON.parse(daily.out).transitions).toMatchObject([
      { account: code, from: 'active', to: 'restricted', at: '2026-11-25T15:00:00.000Z', rule: 'R-DUN-5' },
    ]);
    const again = await runCli('daily', '--date', '2026-11-26', '--as', 'accounting', '--db', o.file);
    expect(JSON.parse(again.out)).toMatchObject({
      transitions: [],
      commands: 0,
      message: '2026-11-26: no status changed',
    });
  });
});
