import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../core/cli/commands';
import { runCli } from '../support/cli-buffers';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

const audit = () =>
  o.rows<{ op: string; by: string | null; channel: string; outcome: string }>(
    `select operation as op, operator_login as "by", channel, outcome from audit_log
     where operation not in ('setup.createFirstAdmin', 'operators.create', 'members.create', 'cloudAccounts.create', 'usage.import')
     order by id`,
  );

/** A closed-able October with two accounts. */
async function october(): Promise<void> {
  o = await billingOffice();
  const a = await o.account(await o.member('corporation'));
  const b = await o.account(await o.member('corporation'));
  await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b }]));
}

describe('every command that reads or writes the books goes through the catalog as a named operator', () => {
  it('without --as a ledger command is refused (exit 2, naming --as) and nothing is written', async () => {
    await october();
    const dir = o.dir;
    for (const args of [
      ['close-month', '2026-10'],
      ['statements', '2026-10', '--out', path.join(dir, 'out')],
      ['trial-balance'],
      ['backup', '--to', path.join(dir, 'copy.db')],
      ['daily', '--date', '2026-11-26'],
      ['import-usage', path.join(dir, 'usage.json')],
    ]) {
      const r = await runCli(...args, '--db', o.file);
      expect([args[0], r.status, r.err]).toEqual([args[0], 2, '--as: name the operator who does this (--as LOGIN)\n']);
    }
    expect(await o.count('bills')).toBe(0);
    expect(existsSync(path.join(dir, 'copy.db'))).toBe(false);
    expect(await audit()).toEqual([]);
  });

  it('close-month runs billing.closeMonth in steps as the operator: role checked, each step audited once', async () => {
    await october();
    const refused = await runCli('close-month', '2026-10', '--as', 'sales', '--db', o.file);
    expect([refused.status, refused.err]).toEqual([
      1,
      'forbidden: billing.closeMonth needs one of the roles accounting\n',
    ]);
    const closed = await runCli('close-month', '2026-10', '--batch', '1', '--as', 'accounting', '--db', o.file);
    expect(closed.status).toBe(0);
    expect(closed.err).toBe(
      'close-month 2026-10: 0/2 bills\nclose-month 2026-10: 1/2 bills\nclose-month 2026-10: 2/2 bills\n',
    );
    expect(JSON.parse(closed.out)).toMatchObject({ bills: 2, billedNow: 2, resumed: false, finished: true });
    const step = { op: 'billing.closeMonth', by: 'accounting', channel: 'cli', outcome: 'ok' };
    expect(await audit()).toEqual([{ ...step, by: 'sales', outcome: 'forbidden' }, step, step, step]);
    // Postings and documents name the operator (none was NULL).
    expect(
      Number(await o.scalar("select count(*) from documents where kind = 'statement' and created_by = 'accounting'")),
    ).toBe(2);
  });

  it('billing.closeMonth called once from a screen writes one audit entry, not one per batch', async () => {
    await october();
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    expect(await audit()).toEqual([{ op: 'billing.closeMonth', by: 'accounting', channel: 'test', outcome: 'ok' }]);
  });

  it('statements, trial-balance and backup run their operations as the operator, and are refused to other roles', async () => {
    await october();
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const dir = o.dir;
    const out = path.join(dir, 'statements');
    expect((await runCli('statements', '2026-10', '--out', out, '--as', 'sales', '--db', o.file)).status).toBe(1);
    expect(existsSync(out)).toBe(false);
    const written = await runCli('statements', '2026-10', '--out', out, '--as', 'supervisor', '--db', o.file);
    expect(written.status).toBe(0);
    expect(JSON.parse(written.out)).toMatchObject({ month: '2026-10', files: 2 });
    expect(existsSync(path.join(out, 'BIL-2026-000002.pdf'))).toBe(true);

    const tb = await runCli('trial-balance', '--as', 'supervisor', '--db', o.file);
    expect([tb.status, JSON.parse(tb.out).balanced]).toEqual([0, true]);
    expect((await runCli('trial-balance', '--as', 'sales', '--db', o.file)).err).toBe(
      'forbidden: ledger.trialBalance needs one of the roles accounting, supervisor\n',
    );

    const copy = path.join(dir, 'copy.db');
    expect((await runCli('backup', '--to', copy, '--as', 'supervisor', '--db', o.file)).status).toBe(1);
    expect(existsSync(copy)).toBe(false);
    const backup = await runCli('backup', '--to', copy, '--as', 'accounting', '--db', o.file);
    expect(backup.status).toBe(0);
    // SQLite's online backup counts pages; PostgreSQL's dump counts tables and rows.
    expect(JSON.parse(backup.out)).toMatchObject(
      o.engine === 'sqlite'
        ? { engine: 'sqlite', to: copy, pages: expect.any(Number) }
        : { engine: 'postgres', to: copy, tables: expect.any(Number), rows: expect.any(Number) },
    );
    expect(existsSync(copy)).toBe(true);

    expect((await audit()).filter((a) => a.op !== 'billing.closeMonth')).toEqual([
      { op: 'billing.writeStatements', by: 'sales', channel: 'cli', outcome: 'forbidden' },
      { op: 'billing.writeStatements', by: 'supervisor', channel: 'cli', outcome: 'ok' },
      { op: 'ledger.trialBalance', by: 'sales', channel: 'cli', outcome: 'forbidden' },
      { op: 'ledger.backup', by: 'supervisor', channel: 'cli', outcome: 'forbidden' },
      { op: 'ledger.backup', by: 'accounting', channel: 'cli', outcome: 'ok' },
    ]);
  });

  it('D-API-1: the operations that write files where the caller names them answer only the command line', async () => {
    await october();
    const copy = path.join(o.dir, 'copy.db');
    const refused = await o.office.call('ledger.backup', { to: copy }, 'admin');
    expect(refused).toMatchObject({
      ok: false,
      kind: 'forbidden',
      code: 'operation.wrong_channel',
      params: { operation: 'ledger.backup', channels: 'cli' },
      message: 'ledger.backup is only called through: cli',
    });
    expect(existsSync(copy)).toBe(false);
    const statements = await o.office.call('billing.writeStatements', { month: '2026-10', outDir: copy }, 'accounting');
    expect(statements).toMatchObject({ ok: false, kind: 'forbidden' });
    expect(await audit()).toEqual([
      { op: 'ledger.backup', by: 'admin', channel: 'test', outcome: 'forbidden' },
      { op: 'billing.writeStatements', by: 'accounting', channel: 'test', outcome: 'forbidden' },
    ]);
  });

  it('the help of every command that needs an operator says so', async () => {
    for (const name of [
      'close-month',
      'statements',
      'trial-balance',
      'backup',
      'daily',
      'import-usage',
      'import-bank',
    ]) {
      const command = await commands.find((c) => c.name === name)!.load();
      expect(command.usage, name).toMatch(/--as LOGIN/);
    }
  });
});
