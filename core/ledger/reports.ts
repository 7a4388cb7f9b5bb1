import { Dec } from '../money';
import { LEDGER_ACCOUNTS, LEDGER_ACCOUNT_NAMES, type LedgerAccount } from './accounts';
import type { LedgerDb } from './open-database';
import { yenFromDb } from './yen';

export interface TrialBalanceRow {
  account: string;
  normal: 'debit' | 'credit';
  /** Whole yen as decimal strings. */
  debit: string;
  credit: string;
  /** On the account's normal side: debit − credit for debit accounts, credit − debit for credit accounts. */
  balance: string;
}

export interface TrialBalance {
  accounts: TrialBalanceRow[];
  totalDebit: string;
  totalCredit: string;
  balanced: boolean;
}

function normalBalance(account: LedgerAccount, debit: Dec, credit: Dec): Dec {
  return LEDGER_ACCOUNTS[account].normal === 'debit' ? debit.minus(credit) : credit.minus(debit);
}

/**
 * Every account of the chart with its debit and credit totals; balanced when all debits equal all credits. With
 * `period` (UTC ISO instants, [from, to)), only what was posted in it: the period's movements.
 */
export async function trialBalance(db: LedgerDb, period?: { from: string; to: string }): Promise<TrialBalance> {
  let query = db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
    .select((eb) => [
      'ledger_entries.account',
      eb.fn.sum<number>('ledger_entries.debit').as('debit'),
      eb.fn.sum<number>('ledger_entries.credit').as('credit'),
    ]);
  if (period)
    query = query
      .where('ledger_transactions.posted_at', '>=', period.from)
      .where('ledger_transactions.posted_at', '<', period.to);
  const sums = await query.groupBy('ledger_entries.account').execute();
  const byAccount = new Map(sums.map((s) => [s.account, s]));
  let totalDebit = new Dec(0);
  let totalCredit = new Dec(0);
  const accounts = LEDGER_ACCOUNT_NAMES.map((account) => {
    const row = byAccount.get(account);
    const debit = yenFromDb(row?.debit ?? null);
    const credit = yenFromDb(row?.credit ?? null);
    totalDebit = totalDebit.plus(debit);
    totalCredit = totalCredit.plus(credit);
    return {
      account,
      normal: LEDGER_ACCOUNTS[account].normal,
      debit: debit.toFixed(),
      credit: credit.toFixed(),
      balance: normalBalance(account, debit, credit).toFixed(),
    };
  });
  const unknown = sums.filter((s) => !LEDGER_ACCOUNT_NAMES.includes(s.account as LedgerAccount));
  if (unknown.length > 0)
    throw new Error(`ledger lines on accounts outside the chart: ${unknown.map((u) => u.account).join(', ')}`);
  return {
    accounts,
    totalDebit: totalDebit.toFixed(),
    totalCredit: totalCredit.toFixed(),
    balanced: totalDebit.equals(totalCredit),
  };
}

export interface StatementLine {
  transactionId: number;
  postedAt: string;
  kind: string;
  memo: string;
  debit: string;
  credit: string;
  /** Running balance on the account's normal side after this line. */
  balance: string;
}

export interface AccountStatement {
  account: LedgerAccount;
  normal: 'debit' | 'credit';
  from: string;
  to: string;
  opening: string;
  lines: StatementLine[];
  closing: string;
}

/** One account's lines posted in [from, to) (UTC ISO instants) with the running balance from the opening balance. */
export async function accountStatement(
  db: LedgerDb,
  account: LedgerAccount,
  from: string,
  to: string,
): Promise<AccountStatement> {
  const before = await db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
    .select((eb) => [eb.fn.sum<number>('debit').as('debit'), eb.fn.sum<number>('credit').as('credit')])
    .where('account', '=', account)
    .where('ledger_transactions.posted_at', '<', from)
    .executeTakeFirst();
  const opening = normalBalance(account, yenFromDb(before?.debit ?? null), yenFromDb(before?.credit ?? null));
  const rows = await db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
    .select(['transaction_id', 'posted_at', 'kind', 'memo', 'debit', 'credit'])
    .where('account', '=', account)
    .where('ledger_transactions.posted_at', '>=', from)
    .where('ledger_transactions.posted_at', '<', to)
    .orderBy('posted_at')
    .orderBy('transaction_id')
    .orderBy('line_no')
    .execute();
  let balance = opening;
  const lines = rows.map((r) => {
    const debit = yenFromDb(r.debit);
    const credit = yenFromDb(r.credit);
    balance = balance.plus(normalBalance(account, debit, credit));
    return {
      transactionId: r.transaction_id,
      postedAt: r.posted_at,
      kind: r.kind,
      memo: r.memo,
      debit: debit.toFixed(),
      credit: credit.toFixed(),
      balance: balance.toFixed(),
    };
  });
  return {
    account,
    normal: LEDGER_ACCOUNTS[account].normal,
    from,
    to,
    opening: opening.toFixed(),
    lines,
    closing: balance.toFixed(),
  };
}
