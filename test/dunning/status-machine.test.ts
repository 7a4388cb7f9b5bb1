import { describe, expect, it } from 'vitest';
import { advance, initialDunningState, type DunningFacts, type DunningState } from '../../core/dunning';
import { InputError } from '../../core/errors';
import { d } from '../time/date-helper';
import {
  cardFailure,
  cardRegistration,
  describeTransition,
  facts,
  midnight,
  payment,
  statementBill,
  yen,
} from './helpers';

const start = () => initialDunningState('acc-1', midnight('2026-10-01'));

function run(f: DunningFacts, until: string, state: DunningState = start()) {
  return advance(state, f, d(until));
}

const octoberByCard = (extra: Partial<DunningFacts> = {}) =>
  facts({ cardChargeFailures: [cardFailure('2026-10', '2026-11-01', '12345')], ...extra });

describe('credit card accounts', () => {
  it('R-DUN-1: a card not charged on the 1st restricts the account at 00:00 JST that day', () => {
    expect(run(octoberByCard(), '2026-10-31').transitions).toEqual([]);
    const { state, transitions, commands } = run(octoberByCard(), '2026-11-01');
    expect(state.status).toBe('restricted');
    expect(transitions).toEqual([
      {
        from: 'active',
        to: 'restricted',
        at: Date.parse('2026-10-31T15:00:00Z'),
        cause: {
          rule: 'R-DUN-1',
          billIds: ['2026-10'],
          text: 'card charge for bill 2026-10 (¥12,345) failed on 2026-11-01',
        },
      },
    ]);
    expect(commands).toEqual([
      {
        key: 'acc-1/2026-10-31T15:00:00.000Z/restrict',
        accountId: 'acc-1',
        command: 'restrict',
        at: Date.parse('2026-10-31T15:00:00Z'),
        rule: 'R-DUN-1',
      },
    ]);
  });

  it('R-DUN-2: unpaid 5 days after Restricted → Suspend at 00:00 JST on the 6th, stopping every VM', () => {
    const restricted = run(octoberByCard(), '2026-11-05');
    expect(restricted.state.status).toBe('restricted');
    const suspended = run(octoberByCard(), '2026-11-06', restricted.state);
    expect(suspended.transitions.map(describeTransition)).toEqual(['2026-11-06T00:00 restricted→suspend R-DUN-2']);
    expect(suspended.commands.map((c) => c.command)).toEqual(['stop_all_vms']);
    expect(suspended.transitions[0]!.cause.text).toBe(
      'bill 2026-10 (¥12,345) not paid within 5 days of the restriction',
    );
  });

  it('R-DUN-2: a card settlement one second before 00:00 prevents the suspension; at 00:00 it is too late', () => {
    const inTime = octoberByCard({
      cardRegistrations: [cardRegistration('2026-11-05T23:00')],
      payments: [payment('2026-10', '12345', '2026-11-05T23:59:59')],
    });
    expect(run(inTime, '2026-11-30').transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-05T23:59 restricted→active R-DUN-4',
    ]);
    const late = octoberByCard({
      cardRegistrations: [cardRegistration('2026-11-05T23:00')],
      payments: [payment('2026-10', '12345', '2026-11-06T00:00')],
    });
    expect(run(late, '2026-11-30').transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
      '2026-11-06T00:00 suspend→active R-DUN-4',
    ]);
  });

  it('R-DUN-3: unpaid 10 days after Suspend → Terminated at 00:00 JST: VMs deleted, login disabled', () => {
    const { state, transitions, commands } = run(octoberByCard(), '2026-11-30');
    expect(state.status).toBe('terminated');
    expect(transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
      '2026-11-16T00:00 suspend→terminated R-DUN-3',
    ]);
    expect(commands.map((c) => c.command)).toEqual(['restrict', 'stop_all_vms', 'delete_all_vms', 'disable_login']);
    expect(run(octoberByCard(), '2026-11-15').state.status).toBe('suspend');
  });

  it('R-DUN-3: a bank deposit during Suspend prevents termination, but only a usable card lifts it', () => {
    const f = octoberByCard({
      payments: [payment('2026-10', '12345', '2026-11-10T11:00')],
      cardRegistrations: [cardRegistration('2026-11-20T15:30')],
    });
    expect(run(f, '2026-11-19').state.status).toBe('suspend');
    expect(run(f, '2026-11-30').transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
      '2026-11-20T15:30 suspend→active R-DUN-4',
    ]);
  });

  it('R-DUN-4: a usable card and the settled amount lift Restricted at the later of the two instants', () => {
    const f = octoberByCard({
      cardRegistrations: [cardRegistration('2026-11-03T09:00')],
      payments: [payment('2026-10', '12345', '2026-11-03T09:05')],
    });
    const { transitions, commands, state } = run(f, '2026-11-30');
    expect(transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-03T09:05 restricted→active R-DUN-4',
    ]);
    expect(transitions[1]!.cause).toEqual({
      rule: 'R-DUN-4',
      billIds: ['2026-10'],
      text: 'usable card registered and unpaid amount settled: restriction lifted',
    });
    expect(commands.map((c) => c.command)).toEqual(['restrict', 'lift']);
    expect(state.status).toBe('active');
  });

  it('R-DUN-4: a card alone, a partial settlement, or a card registered before the failure does not lift', () => {
    const cardOnly = octoberByCard({ cardRegistrations: [cardRegistration('2026-11-02T10:00')] });
    expect(run(cardOnly, '2026-11-30').state.status).toBe('terminated');
    const partial = octoberByCard({
      cardRegistrations: [cardRegistration('2026-11-02T10:00')],
      payments: [payment('2026-10', '12344', '2026-11-02T10:05')],
    });
    expect(run(partial, '2026-11-30').state.status).toBe('terminated');
    const oldCard = octoberByCard({
      cardRegistrations: [cardRegistration('2026-10-20T10:00')],
      payments: [payment('2026-10', '12345', '2026-11-07T10:00')],
    });
    const result = run(oldCard, '2026-11-30');
    expect(result.state.status).toBe('suspend');
    expect(result.transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
    ]);
  });

  it('R-DUN-4: a status not caused by an unpaid bill (loaded as restricted) is not lifted by a card alone', () => {
    const loaded: DunningState = {
      accountId: 'acc-1',
      status: 'restricted',
      asOf: midnight('2026-10-01'),
      history: [],
    };
    const result = run(facts({ cardRegistrations: [cardRegistration('2026-10-05T10:00')] }), '2026-12-01', loaded);
    expect(result.transitions).toEqual([]);
    expect(result.state.status).toBe('restricted');
  });

  it('R-DUN-4: from Suspend, a usable card plus settlement lifts back to Active', () => {
    const f = octoberByCard({
      cardRegistrations: [cardRegistration('2026-11-10T12:00')],
      payments: [payment('2026-10', '12345', '2026-11-10T12:00')],
    });
    const result = run(f, '2026-12-31');
    expect(result.transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
      '2026-11-10T12:00 suspend→active R-DUN-4',
    ]);
    expect(result.commands.map((c) => c.command)).toEqual(['restrict', 'stop_all_vms', 'lift']);
  });
});

describe('bank transfer and direct debit accounts', () => {
  const bankBill = (extra: Partial<DunningFacts> = {}) =>
    facts({ statementBills: [statementBill('2026-10', 'bank_transfer', '2026-11-25', '54321')], ...extra });

  it('R-DUN-5: full payment on the due date is in time; otherwise Restricted at 00:00 JST the day after', () => {
    const paidOnDueDate = bankBill({ payments: [payment('2026-10', '54321', '2026-11-25T18:00')] });
    expect(run(paidOnDueDate, '2027-03-01').transitions).toEqual([]);
    const unpaid = run(bankBill(), '2026-11-26');
    expect(unpaid.transitions.map(describeTransition)).toEqual(['2026-11-26T00:00 active→restricted R-DUN-5']);
    expect(unpaid.transitions[0]!.cause.text).toBe(
      'bill 2026-10 (¥54,321) not paid in full by its due date 2026-11-25',
    );
    expect(run(bankBill(), '2026-11-25').transitions).toEqual([]);
  });

  it('R-DUN-5: a partial payment does not count; a direct debit that fails on the 26th restricts on the 27th', () => {
    const partial = bankBill({ payments: [payment('2026-10', '54320', '2026-11-20T10:00')] });
    expect(run(partial, '2026-11-26').state.status).toBe('restricted');
    const debit = facts({ statementBills: [statementBill('2026-10', 'direct_debit', '2026-11-26', '8000')] });
    expect(run(debit, '2026-11-27').transitions.map(describeTransition)).toEqual([
      '2026-11-27T00:00 active→restricted R-DUN-5',
    ]);
  });

  it('R-DUN-5: decision: confirmed full payment lifts a bank-transfer account back to Active at once', () => {
    const late = bankBill({
      payments: [payment('2026-10', '50000', '2026-12-01T10:00'), payment('2026-10', '4321', '2026-12-03T14:00')],
    });
    const result = run(late, '2027-03-01');
    expect(result.transitions.map(describeTransition)).toEqual([
      '2026-11-26T00:00 active→restricted R-DUN-5',
      '2026-12-03T14:00 restricted→active R-DUN-5',
    ]);
    expect(result.commands.map((c) => c.command)).toEqual(['restrict', 'lift']);
  });

  it('R-DUN-6: unpaid by the same day next month → Suspend, the month after → Terminated (00:00 JST the day after)', () => {
    const result = run(bankBill(), '2027-03-01');
    expect(result.transitions.map(describeTransition)).toEqual([
      '2026-11-26T00:00 active→restricted R-DUN-5',
      '2026-12-26T00:00 restricted→suspend R-DUN-6',
      '2027-01-26T00:00 suspend→terminated R-DUN-6',
    ]);
    expect(result.commands.map((c) => c.command)).toEqual([
      'restrict',
      'stop_all_vms',
      'delete_all_vms',
      'disable_login',
    ]);
    expect(result.transitions[2]!.cause.text).toBe(
      'bill 2026-10 (¥54,321) not paid in full by 2027-01-25, two months after its due date',
    );
  });

  it('R-DUN-6: the same day is clamped to month end: due Jan 29 → Suspend Mar 1, Terminated Mar 30', () => {
    const f = facts({ statementBills: [statementBill('b', 'bank_transfer', '2027-01-29', '1000')] });
    const result = run(f, '2027-06-01', initialDunningState('acc-1', midnight('2027-01-01')));
    expect(result.transitions.map(describeTransition)).toEqual([
      '2027-01-30T00:00 active→restricted R-DUN-5',
      '2027-03-01T00:00 restricted→suspend R-DUN-6', // Jan 29 + 1 month = Feb 28
      '2027-03-30T00:00 suspend→terminated R-DUN-6',
    ]);
    const october31 = facts({ statementBills: [statementBill('b', 'direct_debit', '2026-10-31', '1000')] });
    expect(run(october31, '2027-06-01').transitions.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-5',
      '2026-12-01T00:00 restricted→suspend R-DUN-6', // Oct 31 + 1 month = Nov 30
      '2027-01-01T00:00 suspend→terminated R-DUN-6',
    ]);
  });

  it('R-DUN-6: paying the overdue bill while a newer one is already overdue does not lift', () => {
    const f = facts({
      statementBills: [
        statementBill('2026-10', 'bank_transfer', '2026-11-25', '1000'),
        statementBill('2026-11', 'bank_transfer', '2026-12-25', '2000'),
      ],
      payments: [payment('2026-10', '1000', '2027-01-05T10:00'), payment('2026-11', '2000', '2027-01-20T10:00')],
    });
    expect(run(f, '2027-06-01').transitions.map(describeTransition)).toEqual([
      '2026-11-26T00:00 active→restricted R-DUN-5',
      '2026-12-26T00:00 restricted→suspend R-DUN-6',
      '2027-01-20T10:00 suspend→active R-DUN-5',
    ]);
  });
});

describe('the machine', () => {
  it('R-DUN-7: advancing twice to the same date adds nothing', () => {
    const first = run(octoberByCard(), '2026-11-08');
    const again = advance(first.state, octoberByCard(), d('2026-11-08'));
    expect(again.transitions).toEqual([]);
    expect(again.commands).toEqual([]);
    expect(again.state).toEqual(first.state);
    expect(advance(first.state, octoberByCard(), d('2026-11-02')).state).toEqual(first.state);
  });

  it('R-DUN-7: Terminated is final: later payments, cards and bills change nothing', () => {
    const f = octoberByCard({
      statementBills: [statementBill('2026-11', 'bank_transfer', '2026-12-25', '100')],
      cardRegistrations: [cardRegistration('2026-12-01T10:00')],
      payments: [payment('2026-10', '12345', '2026-12-01T10:00')],
    });
    const result = run(f, '2027-06-01');
    expect(result.state.status).toBe('terminated');
    expect(result.transitions.at(-1)!.to).toBe('terminated');
    expect(result.transitions).toHaveLength(3);
  });

  it("R-DUN-7: history is kept and extended; a transition's from is the previous to", () => {
    const first = run(octoberByCard(), '2026-11-03');
    const second = run(octoberByCard(), '2026-11-20', first.state);
    expect(second.state.history.map(describeTransition)).toEqual([
      '2026-11-01T00:00 active→restricted R-DUN-1',
      '2026-11-06T00:00 restricted→suspend R-DUN-2',
      '2026-11-16T00:00 suspend→terminated R-DUN-3',
    ]);
    expect(second.transitions).toHaveLength(2);
  });

  it('R-DUN-1: facts are checked first: bad ones are refused with every problem named', () => {
    const bad = facts({
      cardChargeFailures: [cardFailure('x', '2026-11-02', '0')],
      statementBills: [statementBill('x', 'bank_transfer', '2026-11-25', '10')],
      payments: [{ billId: 'y', amount: yen('-1'), recordedAt: 1.5 }],
    });
    expect(() => run(bad, '2026-12-01')).toThrow(InputError);
    try {
      run(bad, '2026-12-01');
    } catch (e) {
      expect((e as InputError).problems.map((p) => p.path)).toEqual([
        'cardChargeFailures[0].on',
        'cardChargeFailures[0].amount',
        'statementBills[0].billId',
        'payments[0].billId',
        'payments[0].amount',
        'payments[0].recordedAt',
      ]);
    }
  });
});
