import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { settledByBill } from './settled';
import { Dec } from '../money';
import { daysBetween, formatDate, parseDate, type CalendarDate } from '../time';

export const AGING_BUCKETS = ['notDue', 'd0_30', 'd31_60', 'd61_90', 'd90plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/**
 * Decision: days past due = the JST date asked − the due date (card: the charge day; bank transfer: the due
 * date; direct debit: the debit day). Below 0: not due yet; 0–30 (the due day itself counts as 0), 31–60,
 * 61–90, over 90.
 */
export function agingBucket(daysPastDue: number): AgingBucket {
  if (daysPastDue < 0) return 'notDue';
  if (daysPastDue <= 30) return 'd0_30';
  if (daysPastDue <= 60) return 'd31_60';
  if (daysPastDue <= 90) return 'd61_90';
  return 'd90plus';
}

export interface AccountAging {
  account: string;
  memberNumber: string;
  buckets: Record<AgingBucket, string>;
  total: string;
}

/** What each account owes on final bills (after credit notes and payments), aged at a JST date. */
export async function agedReceivables(
  db: LedgerDb,
  asOf: CalendarDate,
): Promise<{ asOf: string; accounts: AccountAging[]; totals: Record<AgingBucket, string> }> {
  const bills = await db
    .selectFrom('bills')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .innerJoin('documents', (j) => j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'))
    .select(['bills.id', 'bills.amount_due', 'documents.due_date', 'cloud_accounts.code', 'members.member_number'])
    .where('bills.status', '=', 'final')
    .where('bills.amount_due', '>', 0)
    .orderBy('cloud_accounts.code')
    .orderBy('bills.id')
    .execute();
  const settled = await settledByBill(db);
  const zero = () => Object.fromEntries(AGING_BUCKETS.map((b) => [b, new Dec(0)])) as Record<AgingBucket, Dec>;
  const totals = zero();
  const byAccount = new Map<string, { memberNumber: string; buckets: Record<AgingBucket, Dec> }>();
  for (const b of bills) {
    const owed = yenFromDb(b.amount_due).minus(settled.get(b.id) ?? 0);
    const due = parseDate(b.due_date);
    if (owed.lte(0) || !due) continue;
    const bucket = agingBucket(daysBetween(due, asOf));
    const entry = byAccount.get(b.code) ?? { memberNumber: b.member_number, buckets: zero() };
    entry.buckets[bucket] = entry.buckets[bucket].plus(owed);
    totals[bucket] = totals[bucket].plus(owed);
    byAccount.set(b.code, entry);
  }
  const strings = (r: Record<AgingBucket, Dec>) =>
    Object.fromEntries(AGING_BUCKETS.map((k) => [k, r[k].toFixed()])) as Record<AgingBucket, string>;
  return {
    asOf: formatDate(asOf),
    accounts: [...byAccount.entries()].map(([account, e]) => ({
      account,
      memberNumber: e.memberNumber,
      buckets: strings(e.buckets),
      total: AGING_BUCKETS.reduce((s, k) => s.plus(e.buckets[k]), new Dec(0)).toFixed(),
    })),
    totals: strings(totals),
  };
}
