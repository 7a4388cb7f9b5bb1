import { advance, type DunningFacts, type DunningState, type StatusTransition } from '../../core/dunning';
import { Dec } from '../../core/money';
import { addDays, compareDates, formatJstInstant, jstDate, jstMidnight, type CalendarDate } from '../../core/time';
import { at, d } from '../time/date-helper';

export function facts(partial: Partial<DunningFacts>): DunningFacts {
  return { cardChargeFailures: [], statementBills: [], payments: [], cardRegistrations: [], ...partial };
}

export const yen = (text: string) => new Dec(text);

export function cardFailure(billId: string, on: string, amount: string) {
  return { billId, on: d(on), amount: yen(amount) };
}

export function statementBill(billId: string, method: 'bank_transfer' | 'direct_debit', dueOn: string, amount: string) {
  return { billId, method, dueOn: d(dueOn), amount: yen(amount) };
}

/** `payment('2026-10', '12345', '2026-11-25T10:00')`: JST wall time. */
export function payment(billId: string, amount: string, recordedAtJst: string) {
  return { billId, amount: yen(amount), recordedAt: at(`${recordedAtJst}+09:00`) };
}

export function cardRegistration(recordedAtJst: string) {
  return { recordedAt: at(`${recordedAtJst}+09:00`) };
}

/** An instant as JST wall time `YYYY-MM-DDTHH:mm`, for readable expectations. */
export function jst(ms: number): string {
  return formatJstInstant(ms).slice(0, 16);
}

/** `2026-05-26T00:00 active→restricted R-DUN-5` */
export function describeTransition(t: StatusTransition): string {
  return `${jst(t.at)} ${t.from}→${t.to} ${t.cause.rule}`;
}

/** The daily job: advance once per JST day from the day after `from` through `to`. */
export function advanceDaily(state: DunningState, f: DunningFacts, to: CalendarDate): DunningState {
  let current = state;
  for (let day = addDays(jstDate(state.asOf), 1); compareDates(day, to) <= 0; day = addDays(day, 1)) {
    current = advance(current, f, day).state;
  }
  return current;
}

export const midnight = (text: string) => jstMidnight(d(text));
