import { jstMidnight, type CalendarDate } from '../time';
import { debtClocks, debtSeverity, PaymentBook, type DebtClock } from './debts';
import { assertDunningFacts, type DunningFacts } from './facts';
import {
  commandsForEntering,
  severity,
  statusOfSeverity,
  type AccountStatus,
  type PlatformCommandName,
} from './status';

export interface TransitionCause {
  rule: string;
  billIds: string[];
  text: string;
}

export interface StatusTransition {
  from: AccountStatus;
  to: AccountStatus;
  /** Epoch ms: 00:00 JST for a step down (R-DUN-7); the instant of the payment or card for a lift. */
  at: number;
  cause: TransitionCause;
}

export interface PlatformCommand {
  /** Unique per account, instant and command, so an outbox can refuse a duplicate. */
  key: string;
  accountId: string;
  command: PlatformCommandName;
  at: number;
  rule: string;
}

export interface DunningState {
  accountId: string;
  status: AccountStatus;
  /** Epoch ms up to which (inclusive) the facts have been applied. */
  asOf: number;
  history: StatusTransition[];
  /**
   * The most severe status the machine may put the account in: `suspend` while a supervisor holds it there
   * (R-DUN-9); absent: no limit.
   */
  ceiling?: AccountStatus;
}

export interface Advanced {
  state: DunningState;
  /** Only the transitions this call added. */
  transitions: StatusTransition[];
  commands: PlatformCommand[];
}

/** A new account: Active, with nothing applied after `asOf` (take an instant before its first bill). */
export function initialDunningState(accountId: string, asOf: number): DunningState {
  return { accountId, status: 'active', asOf, history: [] };
}

/** Every instant at which the status may change: the debts' clocks, payments and card registrations. */
function candidateMoments(debts: DebtClock[], facts: DunningFacts, after: number, until: number): number[] {
  const moments = new Set<number>();
  for (const debt of debts) for (const m of debt.moments) moments.add(m);
  for (const p of facts.payments) {
    moments.add(p.recordedAt);
    if (p.paidAt !== undefined) moments.add(p.paidAt);
  }
  for (const r of facts.cardRegistrations) moments.add(r.recordedAt);
  return [...moments].filter((m) => m > after && m <= until).sort((a, b) => a - b);
}

/** When the account last left Active; -Infinity when its history does not say (a status loaded as is). */
function episodeStart(history: StatusTransition[]): number {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const t = history[i]!;
    if (t.from === 'active') return t.at;
  }
  return -Infinity;
}

/**
 * R-DUN-4 and the lift decision. Back to Active when every debt that has started its clock is paid in full
 * (payments recorded up to and including `instant`), and, if a card debt was unpaid during this episode, a
 * usable card has been registered since the episode began. Bank transfer and direct debit accounts are lifted
 * by full payment alone: their restriction is defined by "payment not confirmed" (R-DUN-5/6), which stops
 * holding once it is confirmed.
 */
function liftCause(
  debts: DebtClock[],
  payments: PaymentBook,
  facts: DunningFacts,
  since: number,
  instant: number,
): TransitionCause | null {
  const started = debts.filter((debt) => debt.moments[0] <= instant);
  if (!started.every((debt) => payments.paidInFull(debt, instant, true))) return null;
  const unpaidInEpisode = started.filter((debt) => !payments.paidInFull(debt, since, false));
  if (unpaidInEpisode.length === 0) {
    // R-ACC-2: paid in time by value date, but recorded after the episode began: the lateness was the
    // recording's, so the restriction is undone (a new transition; the history keeps what happened).
    const recordedLate = started.filter((debt) => !payments.paidInFull(debt, since, false, true));
    if (recordedLate.length === 0) return null; // not caused by an unpaid bill (a status loaded as is)
    return {
      rule: 'R-ACC-2',
      billIds: recordedLate.map((debt) => debt.billId),
      text: 'payment made in time (by its value date) was recorded late: restriction undone',
    };
  }
  const settled = unpaidInEpisode.map((debt) => debt.billId);
  if (!unpaidInEpisode.some((debt) => debt.method === 'credit_card')) {
    return { rule: 'R-DUN-5', billIds: settled, text: 'full payment confirmed: restriction lifted' };
  }
  const cardRegistered = facts.cardRegistrations.some((r) => r.recordedAt >= since && r.recordedAt <= instant);
  if (!cardRegistered) return null;
  return {
    rule: 'R-DUN-4',
    billIds: settled,
    text: 'usable card registered and unpaid amount settled: restriction lifted',
  };
}

/** The cause of stepping into `level`: the unpaid debts that have reached it. */
function stepCause(debts: DebtClock[], payments: PaymentBook, instant: number, level: number): TransitionCause {
  const reached = debts.filter((debt) => debtSeverity(debt, payments, instant) >= level);
  const reasons = reached.map((debt) => debt.reasons[level - 1]!);
  return {
    rule: reasons[0]!.rule,
    billIds: reached.map((debt) => debt.billId),
    text: reasons.map((r) => r.text).join('; '),
  };
}

/**
 * Brings an account's status up to `until` (epoch ms, inclusive), applying the facts in time order. Pure and
 * idempotent: instants at or before `state.asOf` were applied already and are never revisited, so advancing
 * twice to the same instant adds nothing, and advancing over a range equals advancing through it in steps.
 * Past transitions are never rewritten: a fact recorded with an instant already applied only affects later
 * moments. Terminated is final (R-DUN-7).
 */
export function advanceToInstant(state: DunningState, facts: DunningFacts, until: number): Advanced {
  assertDunningFacts(facts);
  if (until <= state.asOf) return { state, transitions: [], commands: [] };
  const debts = debtClocks(facts);
  const payments = new PaymentBook(facts.payments);
  let status = state.status;
  const history = [...state.history];
  const transitions: StatusTransition[] = [];
  const record = (to: AccountStatus, at: number, cause: TransitionCause) => {
    const transition = { from: status, to, at, cause };
    transitions.push(transition);
    history.push(transition);
    status = to;
  };

  const ceiling = state.ceiling === undefined ? Infinity : severity(state.ceiling);
  for (const instant of candidateMoments(debts, facts, state.asOf, until)) {
    if (status === 'terminated') break;
    const target = Math.min(ceiling, Math.max(0, ...debts.map((debt) => debtSeverity(debt, payments, instant))));
    while (severity(status) < target) {
      const level = severity(status) + 1;
      record(statusOfSeverity(level), instant, stepCause(debts, payments, instant, level));
    }
    if (status === 'restricted' || status === 'suspend') {
      const cause = liftCause(debts, payments, facts, episodeStart(history), instant);
      if (cause) record('active', instant, cause);
    }
  }

  const commands = transitions.flatMap((t) =>
    commandsForEntering(t.to).map((command) => ({
      key: `${state.accountId}/${new Date(t.at).toISOString()}/${command}`,
      accountId: state.accountId,
      command,
      at: t.at,
      rule: t.cause.rule,
    })),
  );
  return { state: { ...state, status, asOf: until, history }, transitions, commands };
}

/**
 * The daily job's call: the account's status as of 00:00 JST on `untilDate` (R-DUN-7), with the transitions
 * and platform commands that brings.
 */
export function advance(state: DunningState, facts: DunningFacts, untilDate: CalendarDate): Advanced {
  return advanceToInstant(state, facts, jstMidnight(untilDate));
}
