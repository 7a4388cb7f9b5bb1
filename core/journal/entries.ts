import type { LedgerAccount } from '../ledger/accounts';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { addDays, formatDate, jstDate, jstMidnight, type CalendarDate } from '../time';

export interface JournalLine {
  account: LedgerAccount;
  side: 'debit' | 'credit';
  /** Whole yen as a decimal string. */
  amount: string;
}

/** One posted ledger transaction: a journal entry (仕訳) with its lines in posting order. */
export interface JournalEntry {
  transactionId: number;
  /** JST date it was posted. */
  date: string;
  kind: string;
  memo: string;
  lines: JournalLine[];
}

/** The instants [from 00:00 JST, the day after `to` 00:00 JST) of a range of JST dates, both included. */
export function jstDateRange(from: CalendarDate, to: CalendarDate): { fromIso: string; toIso: string } {
  return {
    fromIso: new Date(jstMidnight(from)).toISOString(),
    toIso: new Date(jstMidnight(addDays(to, 1))).toISOString(),
  };
}

/** Every ledger transaction posted on the JST dates from `from` to `to` (both included), in posting order. */
export async function journalEntries(db: LedgerDb, from: CalendarDate, to: CalendarDate): Promise<JournalEntry[]> {
  const { fromIso, toIso } = jstDateRange(from, to);
  const rows = await db
    .selectFrom('ledger_entries')
    .innerJoin('ledger_transactions', 'ledger_transactions.id', 'ledger_entries.transaction_id')
    .select([
      'ledger_transactions.id',
      'ledger_transactions.posted_at',
      'ledger_transactions.kind',
      'ledger_transactions.memo',
      'ledger_entries.account',
      'ledger_entries.debit',
      'ledger_entries.credit',
    ])
    .where('ledger_transactions.posted_at', '>=', fromIso)
    .where('ledger_transactions.posted_at', '<', toIso)
    .orderBy('ledger_transactions.posted_at')
    .orderBy('ledger_transactions.id')
    .orderBy('ledger_entries.line_no')
    .execute();
  const entries: JournalEntry[] = [];
  for (const r of rows) {
    let entry = entries.at(-1);
    if (entry?.transactionId !== r.id) {
      entry = {
        transactionId: r.id,
        date: formatDate(jstDate(Date.parse(r.posted_at))),
        kind: r.kind,
        memo: r.memo,
        lines: [],
      };
      entries.push(entry);
    }
    const debit = yenFromDb(r.debit);
    entry.lines.push({
      account: r.account as LedgerAccount,
      side: debit.isZero() ? 'credit' : 'debit',
      amount: (debit.isZero() ? yenFromDb(r.credit) : debit).toFixed(),
    });
  }
  return entries;
}
