import { Dec, formatYen } from '../money';
import { addDays, addMonthsClamped, formatDate, jstMidnight, type CalendarDate } from '../time';
import type { DunningFacts, PaymentFact } from './facts';

/** One bill's dunning clock: the instants (00:00 JST, R-DUN-7) at which it restricts, suspends, terminates. */
export interface DebtClock {
  billId: string;
  method: 'credit_card' | 'bank_transfer' | 'direct_debit';
  amount: Dec;
  /** restrict, suspend, terminate: epoch ms, ascending. */
  moments: [number, number, number];
  /** The rule and the reason for reaching each severity 1..3, for the transition's cause. */
  reasons: [Reason, Reason, Reason];
}

export interface Reason {
  rule: string;
  text: string;
}

function dayAfter(date: CalendarDate): number {
  return jstMidnight(addDays(date, 1));
}

/**
 * R-DUN-1..3 with R-DUN-7: a failed card charge on the 1st restricts at 00:00 JST that day, suspends 5 days
 * later and terminates 10 days after that, all at 00:00 JST.
 */
function cardClock(billId: string, on: CalendarDate, amount: Dec): DebtClock {
  const bill = `bill ${billId} (${formatYen(amount)})`;
  const suspendOn = addDays(on, 5);
  return {
    billId,
    method: 'credit_card',
    amount,
    moments: [jstMidnight(on), jstMidnight(suspendOn), jstMidnight(addDays(suspendOn, 10))],
    reasons: [
      { rule: 'R-DUN-1', text: `card charge for ${bill} failed on ${formatDate(on)}` },
      { rule: 'R-DUN-2', text: `${bill} not paid within 5 days of the restriction` },
      { rule: 'R-DUN-3', text: `${bill} not paid within 10 days of the suspension` },
    ],
  };
}

/**
 * R-DUN-5, R-DUN-6 with R-DUN-7. Decision: "not confirmed by day X" means not confirmed by the end of day X,
 * so the transition happens at 00:00 JST of the day after X; a payment recorded on the due date itself is in
 * time. X is the due date on the statement (already moved to a business day), then the same day one and two
 * months later (clamped to month end).
 */
function statementClock(
  billId: string,
  method: 'bank_transfer' | 'direct_debit',
  dueOn: CalendarDate,
  amount: Dec,
): DebtClock {
  const bill = `bill ${billId} (${formatYen(amount)})`;
  const oneMonthOn = addMonthsClamped(dueOn, 1);
  const twoMonthsOn = addMonthsClamped(dueOn, 2);
  return {
    billId,
    method,
    amount,
    moments: [dayAfter(dueOn), dayAfter(oneMonthOn), dayAfter(twoMonthsOn)],
    reasons: [
      { rule: 'R-DUN-5', text: `${bill} not paid in full by its due date ${formatDate(dueOn)}` },
      { rule: 'R-DUN-6', text: `${bill} not paid in full by ${formatDate(oneMonthOn)}, a month after its due date` },
      {
        rule: 'R-DUN-6',
        text: `${bill} not paid in full by ${formatDate(twoMonthsOn)}, two months after its due date`,
      },
    ],
  };
}

/**
 * Decision: each unpaid bill carries its own clock and the account takes the most severe status any unpaid
 * bill has reached. With one bill this is exactly R-DUN-1..6; with several, a later bill cannot delay an
 * earlier one's clock, and paying the earlier one leaves the account where the later one has brought it.
 */
export function debtClocks(facts: DunningFacts): DebtClock[] {
  return [
    ...facts.cardChargeFailures.map((f) => cardClock(f.billId, f.on, f.amount)),
    ...facts.statementBills.map((b) => statementClock(b.billId, b.method, b.dueOn, b.amount)),
  ];
}

/** Payments per bill, for the "paid in full by an instant" questions. */
export class PaymentBook {
  private readonly byBill = new Map<string, PaymentFact[]>();

  constructor(payments: PaymentFact[]) {
    for (const p of payments) {
      const list = this.byBill.get(p.billId) ?? [];
      list.push(p);
      this.byBill.set(p.billId, list);
    }
  }

  /**
   * True when payments made strictly before `instant` (or at it, when `inclusive`) cover the amount: made by
   * their value date (R-ACC-2), or, with `asRecorded`, by when the back office recorded them.
   */
  paidInFull(debt: DebtClock, instant: number, inclusive: boolean, asRecorded = false): boolean {
    let paid = new Dec(0);
    for (const p of this.byBill.get(debt.billId) ?? []) {
      const at = asRecorded ? p.recordedAt : (p.paidAt ?? p.recordedAt);
      if (at < instant || (inclusive && at === instant)) paid = paid.plus(p.amount);
    }
    return paid.gte(debt.amount);
  }
}

/** The severity (0–3) an unpaid debt has reached at `instant`; 0 once paid in full before it (R-DUN-7). */
export function debtSeverity(debt: DebtClock, payments: PaymentBook, instant: number): number {
  if (payments.paidInFull(debt, instant, false)) return 0;
  return debt.moments.filter((moment) => moment <= instant).length;
}
