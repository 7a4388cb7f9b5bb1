import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb } from '../ledger/yen';
import { Dec } from '../money';
import { formatDate, jstDate } from '../time';

export interface PrepaidHolding {
  memberNumber: string;
  memberName: string;
  /** The prepaid ID's last four characters (the code itself is never stored). */
  codeHint: string;
  status: 'issued' | 'registered';
  balance: string;
  /** JST date it expires (registered: R-PRE-6) or, not registered yet, its registration deadline (R-PRE-5). */
  expiresOn: string | null;
  cloudAccount: string | null;
}

export interface PrepaidLiability {
  /** Every live prepaid ID with a balance, soonest expiry first. */
  holdings: PrepaidHolding[];
  /** Balance by the month it expires (YYYY-MM), soonest first: what leaves the liability when. */
  byExpiryMonth: { month: string; balance: string; ids: number }[];
  total: string;
  /** The ledger's prepaid liability (前受金) balance, for comparison (D-REP-3). */
  ledgerBalance: string;
}

/**
 * What customers hold in prepaid credit and when it expires: the balances of issued and registered prepaid IDs
 * as of the last daily update (R-PRE-12), beside the ledger's 前受金 balance.
 */
export async function prepaidLiability(db: LedgerDb): Promise<PrepaidLiability> {
  const rows = await db
    .selectFrom('prepaid_ids')
    .innerJoin('members', 'members.id', 'prepaid_ids.member_id')
    .leftJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_ids.cloud_account_id')
    .select([
      'members.member_number',
      'members.name',
      'prepaid_ids.code_hint',
      'prepaid_ids.status',
      'prepaid_ids.balance',
      'prepaid_ids.expires_at',
      'prepaid_ids.registration_deadline',
      'cloud_accounts.code as account_code',
    ])
    .where('prepaid_ids.status', 'in', ['issued', 'registered'])
    .where('prepaid_ids.balance', '>', 0)
    .execute();
  const holdings: PrepaidHolding[] = rows.map((r) => {
    const until = r.status === 'registered' ? r.expires_at : r.registration_deadline;
    return {
      memberNumber: r.member_number,
      memberName: r.name,
      codeHint: r.code_hint ?? '',
      status: r.status as 'issued' | 'registered',
      balance: yenFromDb(r.balance).toFixed(),
      expiresOn: until ? formatDate(jstDate(Date.parse(until))) : null,
      cloudAccount: r.account_code,
    };
  });
  holdings.sort((a, b) => (a.expiresOn ?? '9999').localeCompare(b.expiresOn ?? '9999'));
  const byMonth = new Map<string, { balance: Dec; ids: number }>();
  let total = new Dec(0);
  for (const h of holdings) {
    const month = h.expiresOn?.slice(0, 7) ?? '-';
    const m = byMonth.get(month) ?? { balance: new Dec(0), ids: 0 };
    m.balance = m.balance.plus(h.balance);
    m.ids += 1;
    byMonth.set(month, m);
    total = total.plus(h.balance);
  }
  const ledger = await db
    .selectFrom('ledger_entries')
    .select((eb) => [eb.fn.sum<number>('debit').as('debit'), eb.fn.sum<number>('credit').as('credit')])
    .where('account', '=', 'prepaid_liability')
    .executeTakeFirst();
  return {
    holdings,
    byExpiryMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, m]) => ({ month, balance: m.balance.toFixed(), ids: m.ids })),
    total: total.toFixed(),
    ledgerBalance: yenFromDb(ledger?.credit ?? null)
      .minus(yenFromDb(ledger?.debit ?? null))
      .toFixed(),
  };
}
