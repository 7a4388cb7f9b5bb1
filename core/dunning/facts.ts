import { InputError, type FieldProblem } from '../errors';
import type { Dec } from '../money';
import type { CalendarDate } from '../time';

/** R-DUN-1: the card could not be authorised or charged on the 1st for a bill. */
export interface CardChargeFailure {
  billId: string;
  /** The 1st of the month the charge was attempted (JST). */
  on: CalendarDate;
  /** Tax-included yen to settle. */
  amount: Dec;
}

/** R-DUN-5: a bill paid by bank transfer or direct debit, due (or debited) on a date. */
export interface StatementBill {
  billId: string;
  method: 'bank_transfer' | 'direct_debit';
  /** The due date on the statement (bank transfer) or the debit date (direct debit), already a business day. */
  dueOn: CalendarDate;
  amount: Dec;
}

/** Money received against a bill, by any channel (card settlement, bank deposit, debit), when recorded. */
export interface PaymentFact {
  billId: string;
  amount: Dec;
  /** Epoch ms the back office recorded it. */
  recordedAt: number;
  /**
   * R-ACC-2: epoch ms the money counts as paid, by its value date (the end of that JST day, or the recording
   * instant if earlier); default recordedAt. "Paid by day X" questions read this.
   */
  paidAt?: number;
}

/** R-DUN-4: a usable card (accepted under R-BILL-2) was registered on the account. */
export interface CardRegistration {
  recordedAt: number;
}

/** Everything the status machine knows about one cloud account's payments. */
export interface DunningFacts {
  cardChargeFailures: CardChargeFailure[];
  statementBills: StatementBill[];
  payments: PaymentFact[];
  cardRegistrations: CardRegistration[];
}

function isInstant(value: number): boolean {
  return Number.isSafeInteger(value);
}

/** Every problem with the facts, each naming its field; empty when they are usable. */
export function dunningFactsProblems(facts: DunningFacts): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const billIds = new Set<string>();
  const addBill = (billId: string, path: string) => {
    if (billId === '') problems.push({ path, code: 'value.required', message: 'empty bill id' });
    else if (billIds.has(billId))
      problems.push({
        path,
        code: 'value.duplicate',
        params: { value: billId },
        message: `bill ${billId} appears twice`,
      });
    billIds.add(billId);
  };
  facts.cardChargeFailures.forEach((f, i) => {
    addBill(f.billId, `cardChargeFailures[${i}].billId`);
    if (f.on.day !== 1)
      problems.push({
        path: `cardChargeFailures[${i}].on`,
        code: 'dunning.card_charge_not_first',
        message: 'a card is charged on the 1st (R-DUN-1)',
      });
    if (f.amount.lte(0))
      problems.push({
        path: `cardChargeFailures[${i}].amount`,
        code: 'amount.not_positive',
        message: 'must be more than zero',
      });
  });
  facts.statementBills.forEach((b, i) => {
    addBill(b.billId, `statementBills[${i}].billId`);
    if (b.amount.lte(0))
      problems.push({
        path: `statementBills[${i}].amount`,
        code: 'amount.not_positive',
        message: 'must be more than zero',
      });
  });
  facts.payments.forEach((p, i) => {
    if (!billIds.has(p.billId))
      problems.push({
        path: `payments[${i}].billId`,
        code: 'dunning.unknown_bill',
        params: { billId: p.billId },
        message: `no bill ${p.billId} in the facts`,
      });
    if (p.amount.lte(0))
      problems.push({ path: `payments[${i}].amount`, code: 'amount.not_positive', message: 'must be more than zero' });
    if (!isInstant(p.recordedAt))
      problems.push({
        path: `payments[${i}].recordedAt`,
        code: 'instant.invalid',
        message: 'not an instant (epoch ms)',
      });
    if (p.paidAt !== undefined && !isInstant(p.paidAt))
      problems.push({ path: `payments[${i}].paidAt`, code: 'instant.invalid', message: 'not an instant (epoch ms)' });
  });
  facts.cardRegistrations.forEach((r, i) => {
    if (!isInstant(r.recordedAt))
      problems.push({
        path: `cardRegistrations[${i}].recordedAt`,
        code: 'instant.invalid',
        message: 'not an instant (epoch ms)',
      });
  });
  return problems;
}

export function assertDunningFacts(facts: DunningFacts): void {
  const problems = dunningFactsProblems(facts);
  if (problems.length > 0) throw new InputError(problems);
}
