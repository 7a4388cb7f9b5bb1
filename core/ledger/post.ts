import { InputError, type FieldProblem } from '../errors';
import { Dec } from '../money';
import { isLedgerAccount } from './accounts';
import { insertRows } from './insert-rows';
import type { LedgerDb } from './open-database';
import { yenToDb } from './yen';

export interface PostingLine {
  account: string;
  side: 'debit' | 'credit';
  /** Positive whole yen. */
  amount: Dec;
  memberId?: number | null;
  cloudAccountId?: number | null;
}

export interface Posting {
  kind: string;
  memo: string;
  /** UTC ISO time. */
  postedAt: string;
  postedBy: string | null;
  reference?: string | null;
  /** R-ACC-2: the JST date (YYYY-MM-DD) the money moved, for postings of money received or paid out. */
  valueDate?: string | null;
  lines: PostingLine[];
}

/** Every problem with a posting, each naming its field (`lines[1].amount`); the empty list means it may be posted. */
export function postingProblems(lines: PostingLine[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (lines.length < 2)
    problems.push({ path: 'lines', code: 'posting.too_few_lines', message: 'a posting needs at least two lines' });
  let debits = new Dec(0);
  let credits = new Dec(0);
  lines.forEach((line, i) => {
    if (!isLedgerAccount(line.account))
      problems.push({
        path: `lines[${i}].account`,
        code: 'posting.unknown_account',
        params: { account: line.account },
        message: `no ledger account "${line.account}"`,
      });
    if (!line.amount.isInteger() || !line.amount.isPositive() || line.amount.isZero()) {
      problems.push({
        path: `lines[${i}].amount`,
        code: 'amount.not_positive_yen',
        message: 'must be a positive whole number of yen',
      });
    }
    if (line.side === 'debit') debits = debits.plus(line.amount);
    else credits = credits.plus(line.amount);
  });
  if (problems.length === 0 && !debits.equals(credits)) {
    problems.push({
      path: 'lines',
      code: 'posting.unbalanced',
      params: { debits: debits.toFixed(), credits: credits.toFixed() },
      message: `unbalanced: debits ${debits.toFixed()} yen, credits ${credits.toFixed()} yen`,
    });
  }
  return problems;
}

/**
 * Posts one balanced journal entry: a ledger_transactions row and its lines. The balance is checked here, in
 * code, before anything is inserted, so the sum of all postings stays zero (DOMAIN.md, Accounting). Call it
 * inside the transaction that writes the money event it records.
 */
export async function postTransaction(db: LedgerDb, posting: Posting): Promise<number> {
  const problems = postingProblems(posting.lines);
  if (problems.length > 0) throw new InputError(problems);
  const { id } = await db
    .insertInto('ledger_transactions')
    .values(transactionRow(posting))
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('ledger_entries').values(entryRows(id, posting)).execute();
  return id;
}

function transactionRow(posting: Posting) {
  return {
    posted_at: posting.postedAt,
    kind: posting.kind,
    memo: posting.memo,
    posted_by: posting.postedBy,
    reference: posting.reference ?? null,
    value_date: posting.valueDate ?? null,
  };
}

function entryRows(transactionId: number, posting: Posting) {
  return posting.lines.map((line, i) => ({
    transaction_id: transactionId,
    line_no: i + 1,
    account: line.account,
    debit: line.side === 'debit' ? yenToDb(line.amount) : 0,
    credit: line.side === 'credit' ? yenToDb(line.amount) : 0,
    member_id: line.memberId ?? null,
    cloud_account_id: line.cloudAccountId ?? null,
  }));
}

export const TRANSACTION_COLUMNS = ['posted_at', 'kind', 'memo', 'posted_by', 'reference', 'value_date'] as const;
export const ENTRY_COLUMNS = [
  'transaction_id',
  'line_no',
  'account',
  'debit',
  'credit',
  'member_id',
  'cloud_account_id',
] as const;

/**
 * Posts many journal entries at once, in order, each checked as postTransaction checks it before anything is
 * inserted: the same rows as postTransaction called for each in turn, written as multi-row inserts. Returns the
 * transactions' ids in the order of `postings`.
 */
export async function postTransactions(db: LedgerDb, postings: readonly Posting[]): Promise<number[]> {
  for (const posting of postings) {
    const problems = postingProblems(posting.lines);
    if (problems.length > 0) throw new InputError(problems);
  }
  const ids = await insertRows(db, 'ledger_transactions', TRANSACTION_COLUMNS, postings.map(transactionRow), {
    returning: true,
  });
  await insertRows(
    db,
    'ledger_entries',
    ENTRY_COLUMNS,
    postings.flatMap((posting, p) => entryRows(ids[p]!, posting)),
  );
  return ids;
}
