import { afterEach, describe, expect, it } from 'vitest';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

let o: BillingOffice | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

async function twoAccounts(): Promise<{ o: BillingOffice; a: string; b: string }> {
  const office = await billingOffice('2026-11-02T01:00:00.000Z');
  const a = await office.account(await office.member('corporation'));
  const b = await office.account(await office.member('corporation'));
  return { o: office, a, b };
}

describe('a usage import for an account and month that already has one', () => {
  it('is refused at import, naming the import that holds it, and nothing is written', async () => {
    let a: string, b: string;
    ({ o, a, b } = await twoAccounts());
    const first = await o.ok('usage.import', { content: usageFile('2026-10', [{ code: a }]) }, 'accounting');
    const again = await o.office.call(
      'usage.import',
      { content: usageFile('2026-10', [{ code: b }, { code: a }]) },
      'accounting',
    );
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.code).toBe('usage.account_in_other_file');
    expect(again.params).toEqual({ account: a, month: '2026-10', usageImportId: first.usageImportId });
    expect(again.problems?.[0]?.path).toBe('accounts[1].account');
    expect(await o.count('usage_imports')).toBe(1);
  });

  it('replaces the import that holds it on request while the month is open', async () => {
    let a: string, b: string;
    ({ o, a, b } = await twoAccounts());
    const first = await o.ok('usage.import', { content: usageFile('2026-10', [{ code: a }]) }, 'accounting');
    const second = await o.ok(
      'usage.import',
      { content: usageFile('2026-10', [{ code: a, plan: 'vm.light.s2' }, { code: b }]), replace: true },
      'accounting',
    );
    expect(second).toMatchObject({ imported: true, accounts: 2, replaced: [first.usageImportId] });
    const imports = await o.ok('usage.listImports', { month: '2026-10' }, 'accounting');
    expect(imports.imports.map((i) => [i.usageImportId, i.accounts, i.open])).toEqual([
      [second.usageImportId, 2, true],
    ]);
    const closed = await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    expect(closed.bills).toBe(2);
  });

  it('an open month import is withdrawn; a closed month one is not', async () => {
    let a: string;
    ({ o, a } = await twoAccounts());
    const first = await o.ok('usage.import', { content: usageFile('2026-10', [{ code: a }]) }, 'accounting');
    const withdrawn = await o.ok('usage.withdrawImport', { usageImportId: first.usageImportId }, 'accounting');
    expect(withdrawn).toMatchObject({ month: '2026-10', accounts: 1 });
    expect(await o.count('usage_imports')).toBe(0);
    expect(await o.count('usage_accounts')).toBe(0);
    const second = await o.ok('usage.import', { content: usageFile('2026-10', [{ code: a }]) }, 'accounting');
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const refused = await o.office.call('usage.withdrawImport', { usageImportId: second.usageImportId }, 'accounting');
    expect(refused.ok ? null : [refused.code, refused.params]).toEqual(['month.closed', { month: '2026-10' }]);
    const bySales = await o.office.call('usage.withdrawImport', { usageImportId: second.usageImportId }, 'sales');
    expect(bySales.ok ? null : bySales.kind).toBe('forbidden');
  });
});

describe('a month close named before it happens, and a closed month overview', () => {
  it('the preview gives the bills and the total the close makes; the overview counts and totals per month', async () => {
    let a: string, b: string;
    ({ o, a, b } = await twoAccounts());
    await o.importUsage(usageFile('2026-10', [{ code: a }, { code: b, plan: 'vm.light.s2' }]));
    const preview = await o.ok('billing.closePreview', { month: '2026-10' }, 'accounting');
    expect(preview).toMatchObject({ month: '2026-10', state: 'open', bills: 2, late: null });
    const closed = await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const bills = await o.ok('billing.listBills', { month: '2026-10' }, 'accounting');
    const total = bills.reduce((s, x) => s + Number(x.total), 0);
    expect(preview.total).toBe(String(total));
    expect(closed.bills).toBe(2);
    expect(await o.ok('billing.closePreview', { month: '2026-10' }, 'supervisor')).toEqual({
      month: '2026-10',
      state: 'closed',
      bills: 2,
      total: String(total),
      late: null,
    });

    const statements = await o.ok('billing.monthStatements', { month: '2026-10' }, 'accounting');
    expect(statements.statements).toHaveLength(2);
    const first = statements.statements[0]!.statementNumber;
    await o.ok(
      'billing.recordStatementDeliveries',
      { month: '2026-10', statementNumbers: [first], how: 'printed' },
      'accounting',
    );
    const left = await o.ok('billing.monthStatements', { month: '2026-10', notYetDelivered: true }, 'accounting');
    expect(left.statements.map((s) => s.statementNumber)).toEqual([statements.statements[1]!.statementNumber]);
    const pdf = await o.ok('billing.monthStatementsPdf', { month: '2026-10', statementNumbers: [first] }, 'accounting');
    expect(pdf).toMatchObject({ statements: 1, first, last: first });

    const overview = await o.ok('billing.monthOverview', {}, 'supervisor');
    expect(overview.months).toEqual([
      {
        month: '2026-10',
        usageImports: 1,
        accountsImported: 2,
        state: 'closed',
        closedAt: '2026-11-02T01:00:00.000Z',
        bills: 2,
        total: String(total),
        amountDue: String(total),
        statements: 2,
        printed: 1,
        sent: 0,
      },
    ]);
  });

  it('a delivery of a statement of another month is refused, naming it', async () => {
    let a: string;
    ({ o, a } = await twoAccounts());
    await o.importUsage(usageFile('2026-10', [{ code: a }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const refused = await o.office.call(
      'billing.recordStatementDeliveries',
      { month: '2026-10', statementNumbers: ['BIL-2026-999999'], how: 'sent' },
      'accounting',
    );
    expect(refused.ok ? null : [refused.code, refused.problems?.[0]?.path]).toEqual([
      'statement.not_found',
      'statementNumbers[0]',
    ]);
  });
});
