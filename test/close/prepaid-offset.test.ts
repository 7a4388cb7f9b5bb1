import { afterEach, describe, expect, it } from 'vitest';
import { billingOffice, usageFile, type BillingOffice } from './helpers';

let o: BillingOffice;
afterEach(async () => {
  await o?.close();
});

/** A registered prepaid ID written as core/prepaid leaves it (its issuance flow is tested in test/prepaid). */
async function registeredPrepaid(
  o: BillingOffice,
  code: string,
  accountCode: string,
  balance: number,
  expiresAt: string,
): Promise<void> {
  await o.rows(
    `insert into prepaid_ids (code, member_id, amount, balance, status, cloud_account_id, registered_at, expires_at, created_at)
     select '${code}', member_id, ${balance}, ${balance}, 'registered', id, '2026-09-01T00:00:00.000Z', '${expiresAt}',
       '2026-09-01T00:00:00.000Z'
     from cloud_accounts where code = '${accountCode}'`,
  );
}

describe('prepaid balances offset at the close', () => {
  it('R-PRE-8, R-PRE-9: the ID expiring first is used first; the close posts prepaid_liability for the prepaid part and receivables for the rest', async () => {
    o = await billingOffice();
    const code = await o.account(await o.member('corporation'));
    await registeredPrepaid(o, 'LATER', code, 1000, '2027-09-01T00:00:00.000Z');
    await registeredPrepaid(o, 'FIRST', code, 5000, '2027-03-01T00:00:00.000Z');
    await o.importUsage(usageFile('2026-10', [{ code }]));
    await o.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
    const [bill] = await o.ok<{ billId: number; total: string; prepaidApplied: string; amountDue: string }[]>(
      'billing.listBills',
      { month: '2026-10' },
      'accounting',
    );
    expect(bill).toMatchObject({ total: '7480', prepaidApplied: '6000', amountDue: '1480' });
    expect(await o.scalar(`select string_agg(code || ':' || balance, ' ' order by code) from prepaid_ids`)).toBe(
      'FIRST:0 LATER:0',
    );
    const entries = await o.scalar(
      `select string_agg(account || ':' || debit || ':' || credit, ' ' order by e.line_no) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id where t.reference = 'bill:${bill!.billId}'`,
    );
    expect(entries).toBe('prepaid_liability:6000:0 receivables:1480:0 revenue:0:6800 tax_payable:0:680');
    const content = JSON.parse(String(await o.scalar('select content from documents'))) as { prepaidApplied: string };
    expect(content.prepaidApplied).toBe('6000');
  });
});
