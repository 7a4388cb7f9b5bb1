import { afterEach, describe, expect, it } from 'vitest';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

let o: BillingOffice | null = null;
afterEach(async () => {
  await o?.close();
  o = null;
});

/**
 * October 2026 billed by bank transfer (¥7,480, due 2026-11-25) and never paid: Restricted 11-26, Suspend
 * 12-26, Terminated 2027-01-26 (R-DUN-5, R-DUN-6), brought there by the daily job of 2027-01-27.
 */
async function terminated(): Promise<{ o: BillingOffice; code: string; deleteId: number }> {
  const office = await billingOffice('2026-11-02T01:00:00.000Z');
  const code = await office.account(await office.member('corporation'));
  await office.importUsage(usageFile('2026-10', [{ code }]));
  await office.ok('billing.closeMonth', { month: '2026-10' }, 'accounting');
  office.setNow('2027-01-27T09:00:00+09:00');
  await office.ok('dunning.runDaily', { date: '2027-01-27' }, 'accounting');
  const waiting = await office.ok('dunning.awaitingRelease', {}, 'supervisor');
  return { o: office, code, deleteId: waiting.commands[0]!.outboxId };
}

async function outbox(office: BillingOffice) {
  return office.rows<{ topic: string; status: string }>(
    `select topic, status from outbox where channel = 'platform' order by id`,
  );
}

describe('R-DUN-9 delete_all_vms waits for a supervisor', () => {
  it('R-DUN-9 termination writes delete_all_vms awaiting release; every other command is sent at once', async () => {
    let code: string;
    ({ o, code } = await terminated());
    expect(await outbox(o)).toEqual([
      { topic: 'restrict', status: 'pending' },
      { topic: 'stop_all_vms', status: 'pending' },
      { topic: 'delete_all_vms', status: 'awaiting_release' },
      { topic: 'disable_login', status: 'pending' },
    ]);
    const waiting = await o.ok('dunning.awaitingRelease', {}, 'accounting');
    expect(waiting.commands).toMatchObject([
      {
        topic: 'delete_all_vms',
        cloudAccountCode: code,
        accountStatus: 'terminated',
        decidedFor: '2027-01-25T15:00:00.000Z',
      },
    ]);
    const summary = await o.scalar(`select summary from daily_runs`);
    expect(JSON.parse(String(summary))).toMatchObject({ terminated: 1, awaitingRelease: 1 });
  });

  it('R-DUN-9 only a supervisor releases it (four eyes), once', async () => {
    let deleteId: number;
    ({ o, deleteId } = await terminated());
    const byAccounting = await o.office.call('dunning.releaseCommand', { outboxId: deleteId }, 'accounting');
    expect(byAccounting.ok ? null : byAccounting.kind).toBe('forbidden');
    const released = await o.ok('dunning.releaseCommand', { outboxId: deleteId }, 'supervisor');
    expect(released).toMatchObject({ decision: 'released', status: 'pending' });
    expect((await outbox(o))[2]).toEqual({ topic: 'delete_all_vms', status: 'pending' });
    expect(await o.rows('select decision, decided_by, reason from platform_command_decisions')).toEqual([
      { decision: 'released', decided_by: 'supervisor', reason: null },
    ]);
    const again = await o.office.call('dunning.releaseCommand', { outboxId: deleteId }, 'supervisor');
    expect(again.ok ? null : again.code).toBe('platform_command.not_awaiting_release');
  });

  it('R-DUN-9 the supervisor holds the account at Suspend with a reason; the job keeps it there until paid', async () => {
    let deleteId: number;
    let code: string;
    ({ o, deleteId, code } = await terminated());
    o.setNow('2027-01-27T11:00:00+09:00');
    const empty = await o.office.call('dunning.holdAtSuspend', { outboxId: deleteId, reason: '  ' }, 'supervisor');
    expect(empty.ok ? null : empty.problems?.[0]?.path).toBe('reason');
    const held = await o.ok(
      'dunning.holdAtSuspend',
      { outboxId: deleteId, reason: '2月5日に入金の約束あり' },
      'supervisor',
    );
    expect(held).toMatchObject({ decision: 'held', status: 'withheld', cloudAccountCode: code });
    expect((await outbox(o))[2]).toEqual({ topic: 'delete_all_vms', status: 'withheld' });
    expect(await o.scalar(`select status from cloud_accounts where code = '${code}'`)).toBe('suspended');
    expect(
      await o.scalar(
        `select cause from account_status_history where from_status = 'terminated' and to_status = 'suspended'`,
      ),
    ).toBe('R-DUN-9 held at Suspend by supervisor: 2月5日に入金の約束あり');
    // A month later the account is still at Suspend: no second termination, no new command.
    o.setNow('2027-02-27T09:00:00+09:00');
    const later = await o.ok('dunning.runDaily', { date: '2027-02-27' }, 'accounting');
    expect(later.transitions).toEqual([]);
    expect(await o.scalar(`select status from cloud_accounts where code = '${code}'`)).toBe('suspended');
    expect(await outbox(o)).toHaveLength(4);
    // Paid in full: lifted back to Active (R-DUN-5).
    const bill = (await o.ok('billing.listBills', { month: '2026-10' }, 'accounting'))[0]!;
    o.setNow('2027-02-27T10:00:00+09:00');
    await o.ok('payments.recordBankReceipt', { billId: bill.billId, amount: bill.amountDue }, 'accounting');
    o.setNow('2027-02-28T09:00:00+09:00');
    await o.ok('dunning.runDaily', { date: '2027-02-28' }, 'accounting');
    expect(await o.scalar(`select status from cloud_accounts where code = '${code}'`)).toBe('active');
    expect((await outbox(o)).at(-1)).toEqual({ topic: 'lift', status: 'pending' });
  });
});
