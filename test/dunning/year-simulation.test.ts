import { describe, expect, it } from 'vitest';
import { billingDates } from '../../core/billing';
import { advance, initialDunningState, type DunningFacts, type StatementBill } from '../../core/dunning';
import { billingMonth, formatDate, type BillingMonth } from '../../core/time';
import { d } from '../time/date-helper';
import {
  cardFailure,
  cardRegistration,
  describeTransition,
  facts,
  midnight,
  payment,
  statementBill,
  advanceDaily,
} from './helpers';

const months2026: BillingMonth[] = Array.from({ length: 12 }, (_, i) => billingMonth(2026, i + 1));

/** A year of bills from R-BILL-3/4 dates; each paid at 10:00 JST on its due date unless `late` says otherwise. */
function yearOfStatements(
  method: 'bank_transfer' | 'direct_debit',
  amount: string,
  late: Record<string, string | 'never'>,
): DunningFacts {
  const bills: StatementBill[] = months2026.map((m) => {
    const dueOn = formatDate(billingDates(method, m).dueOn);
    return statementBill(m.key, method, dueOn, amount);
  });
  const payments = bills.flatMap((b) => {
    const when = late[b.billId] ?? `${formatDate(b.dueOn)}T10:00`;
    return when === 'never' ? [] : [payment(b.billId, amount, when)];
  });
  return facts({ statementBills: bills, payments });
}

/** Runs the daily job over 2026-01-01 … 2027-04-30 and checks it against a single advance over the range. */
function simulateYear(accountId: string, f: DunningFacts): string[] {
  const start = initialDunningState(accountId, midnight('2026-01-01'));
  const daily = advanceDaily(start, f, d('2027-04-30'));
  const once = advance(start, f, d('2027-04-30')).state;
  expect(daily).toEqual(once);
  return daily.history.map(describeTransition);
}

describe('a year simulated day by day, one account per payment method', () => {
  it('R-DUN-5: a bank-transfer account that pays two bills late is restricted, suspended and lifted on exact days', () => {
    const f = yearOfStatements('bank_transfer', '50000', {
      '2026-04': '2026-06-03T10:00', // due Mon 2026-05-25
      '2026-09': '2026-12-01T10:00', // due Sun 10-25 → Mon 2026-10-26
    });
    expect(simulateYear('bt-late', f)).toEqual([
      '2026-05-26T00:00 active→restricted R-DUN-5',
      '2026-06-03T10:00 restricted→active R-DUN-5',
      '2026-10-27T00:00 active→restricted R-DUN-5',
      '2026-11-27T00:00 restricted→suspend R-DUN-6',
      '2026-12-01T10:00 suspend→active R-DUN-5',
    ]);
  });

  it('R-DUN-6: a bank-transfer account that stops paying in July is terminated two months after the due date', () => {
    const never = Object.fromEntries(months2026.slice(5).map((m) => [m.key, 'never' as const]));
    const f = yearOfStatements('bank_transfer', '50000', never);
    // June's bill: due Sat 2026-07-25 → Mon 07-27.
    expect(simulateYear('bt-never', f)).toEqual([
      '2026-07-28T00:00 active→restricted R-DUN-5',
      '2026-08-28T00:00 restricted→suspend R-DUN-6',
      '2026-09-28T00:00 suspend→terminated R-DUN-6',
    ]);
  });

  it('R-DUN-6: a direct-debit account: one failed debit paid by transfer, one never paid', () => {
    const f = yearOfStatements('direct_debit', '80000', {
      '2026-01': '2026-03-05T14:00', // debit Thu 2026-02-26 failed
      '2026-07': 'never', // debit Wed 2026-08-26 failed
    });
    expect(simulateYear('dd-late', f)).toEqual([
      '2026-02-27T00:00 active→restricted R-DUN-5',
      '2026-03-05T14:00 restricted→active R-DUN-5',
      '2026-08-27T00:00 active→restricted R-DUN-5',
      '2026-09-27T00:00 restricted→suspend R-DUN-6',
      '2026-10-27T00:00 suspend→terminated R-DUN-6',
    ]);
  });

  it('R-DUN-4: a card account that fails three charges and recovers each time, by card or by deposit and card', () => {
    const f = facts({
      cardChargeFailures: [
        cardFailure('2026-02', '2026-03-01', '30000'),
        cardFailure('2026-04', '2026-05-01', '30000'),
        cardFailure('2026-09', '2026-10-01', '30000'),
      ],
      cardRegistrations: [
        cardRegistration('2026-03-04T09:00'),
        cardRegistration('2026-05-10T12:00'),
        cardRegistration('2026-10-20T15:00'),
      ],
      payments: [
        payment('2026-02', '30000', '2026-03-04T09:05'),
        payment('2026-04', '30000', '2026-05-10T12:00'),
        payment('2026-09', '30000', '2026-10-08T11:00'), // bank deposit while suspended, no card yet
      ],
    });
    expect(simulateYear('cc-recovers', f)).toEqual([
      '2026-03-01T00:00 active→restricted R-DUN-1',
      '2026-03-04T09:05 restricted→active R-DUN-4',
      '2026-05-01T00:00 active→restricted R-DUN-1',
      '2026-05-06T00:00 restricted→suspend R-DUN-2',
      '2026-05-10T12:00 suspend→active R-DUN-4',
      '2026-10-01T00:00 active→restricted R-DUN-1',
      '2026-10-06T00:00 restricted→suspend R-DUN-2',
      '2026-10-20T15:00 suspend→active R-DUN-4',
    ]);
  });

  it('R-DUN-3: a card account that never pays after its September charge fails is terminated on Sep 16', () => {
    const f = facts({
      cardChargeFailures: [cardFailure('2026-08', '2026-09-01', '9800'), cardFailure('2026-09', '2026-10-01', '9800')],
    });
    expect(simulateYear('cc-never', f)).toEqual([
      '2026-09-01T00:00 active→restricted R-DUN-1',
      '2026-09-06T00:00 restricted→suspend R-DUN-2',
      '2026-09-16T00:00 suspend→terminated R-DUN-3',
    ]);
  });
});
