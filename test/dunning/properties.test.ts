import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  advance,
  advanceToInstant,
  commandsForEntering,
  initialDunningState,
  severity,
  type CardChargeFailure,
  type DunningFacts,
  type StatementBill,
} from '../../core/dunning';
import { Dec } from '../../core/money';
import { addDays, DAY_MS, jstMidnight, type CalendarDate } from '../../core/time';
import { advanceDaily, facts } from './helpers';

const firstDay: CalendarDate = { year: 2026, month: 1, day: 1 };
const lastDay = addDays(firstDay, 420);
// The state starts just before the first possible fact: a state's asOf claims every instant up to it applied.
const start = () => initialDunningState('acc-p', jstMidnight(firstDay) - 1);

/** An instant within the simulated range: often exactly 00:00 JST, to hit the R-DUN-7 edges. */
const instant = fc
  .tuple(
    fc.integer({ min: 0, max: 400 }),
    fc.oneof(fc.constant(0), fc.constant(DAY_MS - 1), fc.integer({ min: 1, max: DAY_MS - 1 })),
  )
  .map(([day, ms]) => jstMidnight(addDays(firstDay, day)) + ms);

const amount = fc.integer({ min: 1, max: 5000 }).map((n) => new Dec(n));

const bill = fc.oneof(
  fc
    .record({ month: fc.integer({ min: 1, max: 12 }), amount })
    .map(({ month, amount: a }) => ({ kind: 'card' as const, on: { year: 2026, month, day: 1 }, amount: a })),
  fc
    .record({
      day: fc.integer({ min: 0, max: 330 }),
      method: fc.constantFrom('bank_transfer' as const, 'direct_debit' as const),
      amount,
    })
    .map(({ day, method, amount: a }) => ({
      kind: 'statement' as const,
      dueOn: addDays(firstDay, day),
      method,
      amount: a,
    })),
);

const randomFacts: fc.Arbitrary<DunningFacts> = fc
  .record({
    bills: fc.array(bill, { minLength: 1, maxLength: 4 }),
    payments: fc.array(fc.record({ index: fc.nat(), amount, recordedAt: instant }), { maxLength: 6 }),
    registrations: fc.array(instant, { maxLength: 3 }),
  })
  .map(({ bills, payments, registrations }) => {
    const cardChargeFailures: CardChargeFailure[] = [];
    const statementBills: StatementBill[] = [];
    bills.forEach((b, i) => {
      if (b.kind === 'card') cardChargeFailures.push({ billId: `b${i}`, on: b.on, amount: b.amount });
      else statementBills.push({ billId: `b${i}`, method: b.method, dueOn: b.dueOn, amount: b.amount });
    });
    return facts({
      cardChargeFailures,
      statementBills,
      payments: payments.map((p) => ({
        billId: `b${p.index % bills.length}`,
        amount: p.amount,
        recordedAt: p.recordedAt,
      })),
      cardRegistrations: registrations.map((recordedAt) => ({ recordedAt })),
    });
  });

describe('status machine invariants (fast-check)', () => {
  it('R-DUN-7: advancing over a range equals advancing day by day, and equals any split of the range', () => {
    fc.assert(
      fc.property(randomFacts, fc.array(instant, { maxLength: 5 }), (f, cuts) => {
        const once = advance(start(), f, lastDay);
        expect(advanceDaily(start(), f, lastDay)).toEqual(once.state);
        let state = start();
        const commands = [];
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          const step = advanceToInstant(state, f, cut);
          state = step.state;
          commands.push(...step.commands);
        }
        const rest = advance(state, f, lastDay);
        commands.push(...rest.commands);
        expect(rest.state.history).toEqual(once.state.history);
        expect(rest.state.status).toBe(once.state.status);
        expect(commands).toEqual(once.commands);
      }),
      { numRuns: 60 },
    );
  });

  it('R-DUN-7: advancing twice to the same date adds nothing', () => {
    fc.assert(
      fc.property(randomFacts, fc.integer({ min: 0, max: 420 }), (f, day) => {
        const until = addDays(firstDay, day);
        const first = advance(start(), f, until);
        const again = advance(first.state, f, until);
        expect(again.transitions).toEqual([]);
        expect(again.commands).toEqual([]);
        expect(again.state).toEqual(first.state);
      }),
      { numRuns: 200 },
    );
  });

  it('R-DUN-7: steps down one status at a time at 00:00 JST, lifts only to Active, nothing after Terminated', () => {
    fc.assert(
      fc.property(randomFacts, (f) => {
        const { state, commands } = advance(start(), f, lastDay);
        let previous = 'active';
        let previousAt = -Infinity;
        for (const t of state.history) {
          expect(t.from).toBe(previous);
          expect(previous).not.toBe('terminated');
          expect(t.at).toBeGreaterThanOrEqual(previousAt);
          if (t.to === 'active') {
            expect(['restricted', 'suspend']).toContain(t.from);
          } else {
            expect(severity(t.to)).toBe(severity(t.from) + 1);
            expect((t.at - jstMidnight(firstDay)) % DAY_MS).toBe(0);
          }
          previous = t.to;
          previousAt = t.at;
        }
        expect(state.status).toBe(previous);
        expect(commands.map((c) => c.command)).toEqual(state.history.flatMap((t) => commandsForEntering(t.to)));
      }),
      { numRuns: 300 },
    );
  });

  it('R-DUN-5: a bill paid in full before its clock starts never changes the status', () => {
    fc.assert(
      fc.property(randomFacts, (f) => {
        const paidEarly = facts({
          ...f,
          payments: [
            ...f.cardChargeFailures.map((b) => ({
              billId: b.billId,
              amount: b.amount,
              recordedAt: jstMidnight(b.on) - 1,
            })),
            ...f.statementBills.map((b) => ({ billId: b.billId, amount: b.amount, recordedAt: jstMidnight(b.dueOn) })),
          ],
        });
        expect(advance(start(), paidEarly, lastDay).state.history).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
