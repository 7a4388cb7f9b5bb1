import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDays,
  billingMonth,
  formatDate,
  formatJstInstant,
  jstMidnight,
  parseDate,
  type CalendarDate,
} from '../../core/time';
import { billingOffice, usageFile, type BillingOffice } from '../close/helpers';

/**
 * A year of the back office through the catalog: usage imported and each month closed on the 1st at 00:30 JST,
 * card charges recorded at 09:00 on the 1st, direct debits at 09:00 on the debit day, bank transfers at 10:00,
 * and the daily job run for each date at 00:05 JST (or only now and then, to compare a range with day by day).
 */

type Plan = { method: 'bank_transfer' | 'direct_debit' | 'credit_card'; kind: 'corporation' | 'individual' };
const ACCOUNTS: Record<string, Plan> = {
  btOnTime: { method: 'bank_transfer', kind: 'corporation' },
  btLate: { method: 'bank_transfer', kind: 'corporation' },
  btNever: { method: 'bank_transfer', kind: 'corporation' },
  dd: { method: 'direct_debit', kind: 'corporation' },
  cardOk: { method: 'credit_card', kind: 'individual' },
  cardFail: { method: 'credit_card', kind: 'individual' },
  cardLift: { method: 'credit_card', kind: 'individual' },
};
type Name = keyof typeof ACCOUNTS;

interface Bill {
  billId: number;
  account: string;
  paymentMethod: string;
  amountDue: string;
  dueOn: string;
}

const jst = (date: CalendarDate, time: string) =>
  new Date(Date.parse(`${formatDate(date)}T${time}:00+09:00`)).toISOString();

async function simulate(
  runDailyOn: (date: CalendarDate) => boolean,
): Promise<{ o: BillingOffice; codes: Record<Name, string>; repeats: number[] }> {
  const o = await billingOffice('2026-01-05T01:00:00.000Z');
  const codes = {} as Record<Name, string>;
  for (const [name, plan] of Object.entries(ACCOUNTS) as [Name, Plan][]) {
    codes[name] = await o.account(await o.member(plan.kind));
    const card = plan.method === 'credit_card' ? { card: { brand: 'VISA', last4: '1111', expiry: '12/29' } } : {};
    await o.ok(
      'payments.registerMethod',
      { account: codes[name], method: plan.method, receivedOn: '2025-12-05', ...card },
      'accounting',
    );
  }
  const nameOf = Object.fromEntries(Object.entries(codes).map(([n, c]) => [c, n as Name]));
  const dues: { date: string; bill: Bill }[] = [];
  const repeats: number[] = [];
  const at = async <T>(iso: string, operation: string, input: unknown) => {
    o.setNow(iso);
    return o.ok<T>(operation, input, 'accounting');
  };
  for (
    let day: CalendarDate = { year: 2026, month: 2, day: 1 };
    formatDate(day) <= '2027-01-31';
    day = addDays(day, 1)
  ) {
    if (runDailyOn(day)) {
      await at(jst(day, '00:05'), 'dunning.runDaily', { date: formatDate(day) });
      if (day.day === 1)
        repeats.push(
          (await at<{ transitions: unknown[] }>(jst(day, '00:06'), 'dunning.runDaily', { date: formatDate(day) }))
            .transitions.length,
        );
    }
    if (day.day === 1) {
      const month = billingMonth(day.month === 1 ? day.year - 1 : day.year, day.month === 1 ? 12 : day.month - 1).key;
      const statuses = await Promise.all(
        Object.values(codes).map((code) => o.ok<{ status: string }>('cloudAccounts.get', { code }, 'accounting')),
      );
      const live = Object.values(codes).filter((_, i) => statuses[i]!.status !== 'terminated');
      o.setNow(jst(day, '00:30'));
      await o.importUsage(
        usageFile(
          month,
          live.map((code) => ({ code })),
        ),
      );
      await at(jst(day, '00:31'), 'billing.closeMonth', { month });
      const bills = await o.ok<Bill[]>('billing.listBills', { month }, 'accounting');
      for (const bill of bills) {
        const name = nameOf[bill.account]!;
        if (bill.paymentMethod === 'credit_card') {
          const fails = (name === 'cardFail' && month >= '2026-03') || (name === 'cardLift' && month === '2026-05');
          await at(jst(day, '09:00'), 'payments.recordCardCharge', {
            billId: bill.billId,
            outcome: fails ? 'failed' : 'paid',
          });
        } else dues.push({ date: bill.dueOn, bill });
      }
    }
    for (const { bill } of dues.filter((d) => d.date === formatDate(day))) {
      const name = nameOf[bill.account]!;
      const month = bill.dueOn.slice(0, 7);
      if (name === 'dd') {
        const fails = month === '2026-08'; // July's bill, debited on Wed 2026-08-26
        await at(jst(day, '09:00'), 'payments.recordDirectDebit', {
          billId: bill.billId,
          outcome: fails ? 'failed' : 'paid',
        });
      } else if (
        name === 'btOnTime' ||
        (name === 'btLate' && month !== '2026-05') ||
        (name === 'btNever' && month < '2026-07')
      ) {
        await at(jst(day, '10:00'), 'payments.recordBankReceipt', { billId: bill.billId, amount: bill.amountDue });
      }
    }
    const ymd = formatDate(day);
    if (ymd === '2026-06-03') {
      // April's bill (due Mon 2026-05-25) paid late by btLate; cardLift registers a new card and settles May's bill.
      const april = dues.find((d) => nameOf[d.bill.account] === 'btLate' && d.date === '2026-05-25')!.bill;
      await at(jst(day, '10:00'), 'payments.recordBankReceipt', { billId: april.billId, amount: april.amountDue });
      await at(jst(day, '13:00'), 'payments.registerMethod', {
        account: codes.cardLift,
        method: 'credit_card',
        card: { brand: 'JCB', last4: '2222', expiry: '06/30' },
      });
      const may = (await o.ok<Bill[]>('billing.listBills', { month: '2026-05' }, 'accounting')).find(
        (b) => b.account === codes.cardLift,
      )!;
      await at(jst(day, '14:00'), 'payments.recordBankReceipt', { billId: may.billId, amount: may.amountDue });
    }
    if (ymd === '2026-09-02') {
      const july = dues.find((d) => nameOf[d.bill.account] === 'dd' && d.date === '2026-08-26')!.bill;
      await at(jst(day, '10:00'), 'payments.recordBankReceipt', { billId: july.billId, amount: july.amountDue });
    }
  }
  await at('2027-02-01T00:05:00+09:00', 'dunning.runDaily', { date: '2027-02-01' });
  return { o, codes, repeats };
}

function jstText(iso: string): string {
  return formatJstInstant(Date.parse(iso)).slice(0, 16);
}

async function histories(o: BillingOffice, codes: Record<Name, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, code] of Object.entries(codes)) {
    const rows = await o.rows<{ at: string; from_status: string; to_status: string; cause: string }>(
      `select h.at, h.from_status, h.to_status, h.cause from account_status_history h join cloud_accounts a on a.id = h.cloud_account_id where a.code = '${code}' and h.from_status is not null order by h.id`,
    );
    out[name] = rows.map((r) => `${jstText(r.at)} ${r.from_status}→${r.to_status} ${r.cause.split(' ')[0]}`);
  }
  return out;
}

async function outbox(o: BillingOffice, codes: Record<Name, string>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, code] of Object.entries(codes)) {
    const rows = await o.rows<{ topic: string; payload: string }>(
      `select o.topic, o.payload from outbox o join cloud_accounts a on a.id = o.cloud_account_id where a.code = '${code}' order by o.id`,
    );
    out[name] = rows.map((r) => `${r.topic} ${jstText((JSON.parse(r.payload) as { at: string }).at)}`);
  }
  return out;
}

describe('a year simulated day by day through the daily operation', () => {
  let daily: Awaited<ReturnType<typeof simulate>>;
  let sparse: Awaited<ReturnType<typeof simulate>>;
  let h: Record<string, string[]>;
  let box: Record<string, string[]>;

  beforeAll(async () => {
    daily = await simulate(() => true);
    sparse = await simulate((d) => d.day === 1 && d.month % 3 === 0);
    h = await histories(daily.o, daily.codes);
    box = await outbox(daily.o, daily.codes);
  }, 240_000);
  afterAll(async () => {
    await daily?.o.close();
    await sparse?.o.close();
  });

  it('accounts that pay on time, by bank transfer or by card, never change status and get no platform command', () => {
    expect([h.btOnTime, h.cardOk, box.btOnTime, box.cardOk]).toEqual([[], [], [], []]);
  });

  it('R-DUN-1: a card charge failing on the 1st restricts at 00:00 JST that day, although learned at 09:00 after the daily job had run', () => {
    expect(h.cardFail![0]).toBe('2026-04-01T00:00 active→restricted R-DUN-1');
    expect(h.cardLift![0]).toBe('2026-06-01T00:00 active→restricted R-DUN-1');
    expect(box.cardFail![0]).toBe('restrict 2026-04-01T00:00');
  });

  it('R-DUN-2: still unpaid 5 days after the restriction: suspended at 00:00 on 04-06, every VM stopped', () => {
    expect(h.cardFail![1]).toBe('2026-04-06T00:00 restricted→suspended R-DUN-2');
    expect(box.cardFail![1]).toBe('stop_all_vms 2026-04-06T00:00');
  });

  it('R-DUN-3: still unpaid 10 days after the suspension: terminated at 00:00 on 04-16, VMs deleted and login disabled, once each', () => {
    expect(h.cardFail).toEqual([
      '2026-04-01T00:00 active→restricted R-DUN-1',
      '2026-04-06T00:00 restricted→suspended R-DUN-2',
      '2026-04-16T00:00 suspended→terminated R-DUN-3',
    ]);
    expect(box.cardFail).toEqual([
      'restrict 2026-04-01T00:00',
      'stop_all_vms 2026-04-06T00:00',
      'delete_all_vms 2026-04-16T00:00',
      'disable_login 2026-04-16T00:00',
    ]);
  });

  it('R-DUN-4: a usable card registered at 13:00 and the amount settled at 14:00 on 06-03 lift the restriction at 14:00', () => {
    expect(h.cardLift).toEqual([
      '2026-06-01T00:00 active→restricted R-DUN-1',
      '2026-06-03T14:00 restricted→active R-DUN-4',
    ]);
    expect(box.cardLift).toEqual(['restrict 2026-06-01T00:00', 'lift 2026-06-03T14:00']);
  });

  it('R-DUN-5: bank transfer and direct debit not paid in full by the due date are restricted at 00:00 the day after; full payment lifts', () => {
    // April's bill due Mon 05-25, paid 06-03 10:00. July's debit of Wed 08-26 failed, paid by transfer 09-02 10:00.
    expect(h.btLate).toEqual([
      '2026-05-26T00:00 active→restricted R-DUN-5',
      '2026-06-03T10:00 restricted→active R-DUN-5',
    ]);
    expect(h.dd).toEqual(['2026-08-27T00:00 active→restricted R-DUN-5', '2026-09-02T10:00 restricted→active R-DUN-5']);
    expect([box.btLate, box.dd]).toEqual([
      ['restrict 2026-05-26T00:00', 'lift 2026-06-03T10:00'],
      ['restrict 2026-08-27T00:00', 'lift 2026-09-02T10:00'],
    ]);
  });

  it("R-DUN-6: unpaid a month after the due date suspended, two months after terminated (June's bill due Sat 07-25 → Mon 07-27)", () => {
    expect(h.btNever).toEqual([
      '2026-07-28T00:00 active→restricted R-DUN-5',
      '2026-08-28T00:00 restricted→suspended R-DUN-6',
      '2026-09-28T00:00 suspended→terminated R-DUN-6',
    ]);
    expect(box.btNever).toEqual([
      'restrict 2026-07-28T00:00',
      'stop_all_vms 2026-08-28T00:00',
      'delete_all_vms 2026-09-28T00:00',
      'disable_login 2026-09-28T00:00',
    ]);
  });

  it('R-DUN-7: the same date run twice changes nothing, a range of days equals day by day, and terminated stays final', async () => {
    expect(daily.repeats).toEqual(Array.from({ length: 12 }, () => 0));
    expect(await histories(sparse.o, sparse.codes)).toEqual(h);
    expect(await outbox(sparse.o, sparse.codes)).toEqual(box);
    const statuses = await daily.o.scalar(`select string_agg(status, ',' order by id) from cloud_accounts`);
    expect(statuses).toBe('active,active,terminated,active,active,terminated,active');
  });
});

// Guard: the helper's JST formatting matches core/time.
it('jst() gives 00:05 JST as the UTC instant of core/time', () => {
  const d = parseDate('2026-04-01')!;
  expect(Date.parse(jst(d, '00:00'))).toBe(jstMidnight(d));
});
