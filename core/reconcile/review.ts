import { DEFAULT_FEE_TOLERANCE, DepositMatcher } from '../banking';
import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import type { DepositReviewState } from '../ledger/schema';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';
import { findOpenTarget, loadOpenItems } from './open-items';
import { settleDeposit, type Actor } from './settle';
import { refundFromSuspense } from './suspense';
import type { CandidateJson } from './summary';
import { candidatesText, readCandidates } from './candidate-text';

export interface QueuedDeposit {
  depositId: number;
  importId: number | null;
  state: DepositReviewState;
  reason: string;
  valueDate: string;
  amount: string;
  payer: string;
  bankReference: string;
  edi: string;
  candidates: CandidateJson[];
  note: string | null;
}

const OPEN_STATES: DepositReviewState[] = ['review', 'unknown'];

/** The deposits accounting must match by hand (R-RECON-4), oldest first; `state` narrows to review or unknown. */
export async function reviewQueue(db: LedgerDb, state?: 'review' | 'unknown'): Promise<QueuedDeposit[]> {
  const rows = await db
    .selectFrom('deposit_reviews')
    .innerJoin('deposits', 'deposits.id', 'deposit_reviews.deposit_id')
    .leftJoin('bank_import_lines', (j) =>
      j
        .onRef('bank_import_lines.import_id', '=', 'deposit_reviews.import_id')
        .onRef('bank_import_lines.record_no', '=', 'deposit_reviews.record_no'),
    )
    .select([
      'deposit_reviews.deposit_id',
      'deposit_reviews.import_id',
      'deposit_reviews.state',
      'deposit_reviews.reason',
      'deposit_reviews.candidates',
      'bank_import_lines.detail',
      'deposit_reviews.note',
      'deposit_reviews.edi',
      'deposits.value_date',
      'deposits.amount',
      'deposits.payer_kana',
      'deposits.bank_reference',
    ])
    .where('deposit_reviews.state', 'in', state ? [state] : OPEN_STATES)
    .orderBy('deposits.value_date')
    .orderBy('deposit_reviews.deposit_id')
    .execute();
  return rows.map((r) => ({
    depositId: r.deposit_id,
    importId: r.import_id,
    state: r.state,
    reason: r.reason,
    valueDate: r.value_date,
    amount: yenFromDb(r.amount).toFixed(),
    payer: r.payer_kana,
    bankReference: r.bank_reference,
    edi: r.edi,
    candidates: candidatesOf(r.candidates, r.detail, yenFromDb(r.amount)),
    note: r.note,
  }));
}

/** A review's candidates: its own once rematched, else its import line's (D-RECON-8), as stored (D-RECON-9). */
function candidatesOf(own: string | null, line: string | null, amount: Dec): CandidateJson[] {
  if (own !== null) return readCandidates(JSON.parse(own) as unknown[], amount);
  if (line === null) return [];
  return readCandidates((JSON.parse(line) as { candidates?: unknown[] }).candidates ?? [], amount);
}

export function suspenseOf(row: { id: number; amount: number; bank_reference: string; value_date: string }) {
  return {
    id: row.id,
    amount: yenFromDb(row.amount),
    bankReference: row.bank_reference,
    valueDate: row.value_date,
  };
}

export async function queued(db: LedgerDb, depositId: number) {
  const row = await db
    .selectFrom('deposit_reviews')
    .innerJoin('deposits', 'deposits.id', 'deposit_reviews.deposit_id')
    .select([
      'deposit_reviews.state',
      'deposits.id',
      'deposits.amount',
      'deposits.bank_reference',
      'deposits.value_date',
      'deposits.payer_kana',
    ])
    .where('deposit_reviews.deposit_id', '=', depositId)
    .executeTakeFirst();
  if (!row)
    throw InputError.one('depositId', 'deposit.not_in_review', `deposit ${depositId} is not in the review queue`, {
      deposit: depositId,
    });
  if (!OPEN_STATES.includes(row.state))
    throw InputError.one(
      'depositId',
      'deposit.already_decided',
      `deposit ${depositId} was already decided (${row.state})`,
      { deposit: depositId, state: row.state },
    );
  return row;
}

export interface Decision {
  depositId: number;
  state: DepositReviewState;
  /** For a confirmation: settled, or held by the prepaid statement's rule (then decided with deposits.decide). */
  outcome: 'matched' | 'held' | null;
  target: string | null;
  fee: string;
  message: string;
}

/**
 * Accounting matches a queued deposit to a statement (R-RECON-4). The shortfall within the fee tolerance is the
 * payer's transfer fee (R-RECON-3); the rest is decided by the same code as a manual entry (a bill paid in
 * part, an excess refused; a prepaid statement's deposit held).
 */
export async function confirmMatch(
  db: LedgerDb,
  input: { depositId: number; statementNumber: string; feeTolerance?: Dec; note?: string },
  a: Actor,
): Promise<Decision> {
  const row = await queued(db, input.depositId);
  const target = await findOpenTarget(db, input.statementNumber);
  if (!target)
    throw InputError.one(
      'target',
      'statement.not_awaiting_payment',
      `${input.statementNumber} is not a statement awaiting payment`,
      { statementNumber: input.statementNumber },
    );
  const amount = yenFromDb(row.amount);
  const shortfall = target.amountDue.minus(amount);
  const tolerance = input.feeTolerance ?? DEFAULT_FEE_TOLERANCE;
  const fee =
    shortfall.isPositive() && !shortfall.isZero() && shortfall.lessThanOrEqualTo(tolerance) ? shortfall : new Dec(0);
  const settled = await settleDeposit(
    db,
    { id: row.id, amount, bank_reference: row.bank_reference, value_date: row.value_date },
    target,
    fee,
    a,
    'suspense',
  );
  await decide(db, input.depositId, 'confirmed', a, input.note ?? settled.message);
  return {
    depositId: input.depositId,
    state: 'confirmed',
    outcome: settled.outcome,
    target: target.statementNumber,
    fee: settled.fee.toFixed(),
    message: settled.message,
  };
}

export async function decide(
  db: LedgerDb,
  depositId: number,
  state: DepositReviewState,
  a: Actor,
  note: string | null,
  update: { reason?: string; candidates?: string } = {},
): Promise<void> {
  await db
    .updateTable('deposit_reviews')
    .set({ state, note, decided_by: a.by, updated_at: a.now.toISOString(), ...update })
    .where('deposit_id', '=', depositId)
    .execute();
}

/**
 * Accounting sets a deposit aside (not ours: to be returned to the payer): it leaves the queue and its money
 * leaves suspense as a refund to pay out (R-ACC-1), paid with bank.payRefund.
 */
export async function dismiss(db: LedgerDb, input: { depositId: number; reason: string }, a: Actor): Promise<Decision> {
  const row = await queued(db, input.depositId);
  await refundFromSuspense(db, suspenseOf(row), yenFromDb(row.amount), null, input.reason, a);
  await db.updateTable('deposits').set({ status: 'returned' }).where('id', '=', row.id).execute();
  await decide(db, input.depositId, 'dismissed', a, input.reason);
  return {
    depositId: input.depositId,
    state: 'dismissed',
    outcome: null,
    target: null,
    fee: '0',
    message: `dismissed: ${input.reason}`,
  };
}

/** Accounting marks a deposit as from an unknown payer (to be asked about), still in the queue. */
export async function markUnknown(
  db: LedgerDb,
  input: { depositId: number; reason: string },
  a: Actor,
): Promise<Decision> {
  await queued(db, input.depositId);
  await decide(db, input.depositId, 'unknown', a, input.reason, { reason: 'unknown' });
  return {
    depositId: input.depositId,
    state: 'unknown',
    outcome: null,
    target: null,
    fee: '0',
    message: `unknown: ${input.reason}`,
  };
}

/**
 * Matches the queued deposits again against what is open now (a statement issued or a bill closed since the
 * import): a deposit now matched is settled as at import; the others get their new candidates.
 */
export async function rematch(
  db: LedgerDb,
  input: { depositId?: number; feeTolerance?: Dec },
  a: Actor,
): Promise<Decision[]> {
  if (input.depositId !== undefined) await queued(db, input.depositId);
  const queue = (await reviewQueue(db)).filter((q) => input.depositId === undefined || q.depositId === input.depositId);
  const open = await loadOpenItems(db);
  const matcher = new DepositMatcher(open.items, { feeTolerance: input.feeTolerance ?? DEFAULT_FEE_TOLERANCE });
  const decisions: Decision[] = [];
  for (const q of queue) {
    const outcome = matcher.match({ amount: q.amount, payer: q.payer, edi: q.edi, cancelled: false });
    if (outcome.status === 'matched') {
      const target = open.targets.get(outcome.itemId)!;
      const settled = await settleDeposit(
        db,
        { id: q.depositId, amount: new Dec(q.amount), bank_reference: q.bankReference, value_date: q.valueDate },
        target,
        outcome.fee,
        a,
        'suspense',
      );
      await decide(db, q.depositId, 'confirmed', a, settled.message);
      decisions.push({
        depositId: q.depositId,
        state: 'confirmed',
        outcome: settled.outcome,
        target: target.statementNumber,
        fee: settled.fee.toFixed(),
        message: settled.message,
      });
      continue;
    }
    const state = outcome.status === 'review' ? 'review' : 'unknown';
    const reason = outcome.status === 'review' ? outcome.reason : 'unknown';
    await decide(db, q.depositId, state, a, q.note, {
      reason,
      candidates: candidatesText(outcome.candidates),
    });
    decisions.push({
      depositId: q.depositId,
      state,
      outcome: null,
      target: null,
      fee: '0',
      message: `still ${state === 'review' ? `for review (${reason})` : 'unknown'}`,
    });
  }
  return decisions;
}
