import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { plansForMonth } from '../billing/price-plans-store';
import { rateUsage, type PlanTable } from '../rating';
import { addDays, billingMonth, jstMidnight, parseDate } from '../time';
import { alertFor, sendAlertOnce, type AlertKind } from './alerts';
import { forfeitDue, type BillUntil } from './forfeit';
import { accountBillUntil, usageUntil } from './month-to-date';

export interface DailyUpdateResult {
  date: string;
  month: string;
  /** Where the month-to-date usage came from: the input, a usage import, or none yet. */
  usageSource: string;
  accounts: number;
  forfeited: { count: number; total: string };
  alerts: { cloudAccountCode: string; kind: AlertKind }[];
}

/**
 * The month-to-date usage files: the one given, else every usage import of the month, newest first (an account
 * found in several takes its figures from the newest, as imports may each cover part of the accounts).
 */
async function monthUsages(
  db: LedgerDb,
  month: string,
  given: unknown,
): Promise<{ usages: unknown[]; source: string }> {
  if (given !== undefined) return { usages: [given], source: 'input' };
  const imports = await db
    .selectFrom('usage_imports')
    .select(['id', 'content'])
    .where('month', '=', month)
    .orderBy('id', 'desc')
    .execute();
  if (imports.length === 0) return { usages: [], source: 'none' };
  return {
    usages: imports.map((i) => JSON.parse(i.content) as unknown),
    source: `usage_import:${imports.map((i) => i.id).join(',')}`,
  };
}

/** R-PRE-14: an account's month-to-date bill at an instant, from the month's usage imports (newest first). */
function billUntilFromImports(db: LedgerDb): BillUntil {
  const months = new Map<string, Promise<{ usages: unknown[]; plans: PlanTable }>>();
  const load = async (month: string) => ({
    usages: (await monthUsages(db, month, undefined)).usages,
    plans: await plansForMonth(db, month),
  });
  return async (account, month, instant) => {
    if (!months.has(month.key)) months.set(month.key, load(month.key));
    const { usages, plans } = await months.get(month.key)!;
    return accountBillUntil(usages, plans, account.code, Date.parse(instant));
  };
}

/** Month-to-date tax-included totals per account code, rated by the rating core up to `cutoff`. */
function monthToDateTotals(usages: unknown[], plans: PlanTable, month: string, cutoff: number): Map<string, Dec> {
  const totals = new Map<string, Dec>();
  for (const usage of usages) {
    let bill;
    try {
      bill = rateUsage(usageUntil(usage, cutoff), plans);
    } catch (e) {
      if (e instanceof InputError) throw new InputError(e.problems.map((p) => ({ ...p, path: `usage.${p.path}` })));
      throw e;
    }
    if (bill.month !== month)
      throw InputError.one('usage.month', 'usage.other_month', `usage of ${bill.month}, not of ${month}`, {
        month: bill.month,
        expected: month,
      });
    for (const a of bill.accounts) if (!totals.has(a.account)) totals.set(a.account, new Dec(a.total));
  }
  return totals;
}

/**
 * The daily update (R-PRE-12): forfeits what is due (R-PRE-5, R-PRE-6, R-PRE-11), then for every account with
 * prepaid IDs stores balance, month-to-date usage (tax included, rated by the rating core to the end of
 * `date`) and the projected remaining balance = balance − month-to-date, with its as-of date; and sends each
 * alert the projection calls for once per account, condition and month (R-PRE-13).
 */
export async function dailyUpdate(
  db: LedgerDb,
  input: { date: string; usage?: unknown },
  now: Date,
  by: string | null,
): Promise<DailyUpdateResult> {
  const day = parseDate(input.date);
  if (!day) throw InputError.one('date', 'date.invalid', 'not a date as YYYY-MM-DD');
  const month = billingMonth(day.year, day.month);
  const cutoff = jstMidnight(addDays(day, 1));
  const at = now.toISOString();
  const forfeited = await forfeitDue(db, at, by, billUntilFromImports(db));
  const { usages, source } = await monthUsages(db, month.key, input.usage);
  // The prices the month close will use, so the projection matches the bill to come.
  const totals = monthToDateTotals(usages, await plansForMonth(db, month.key), month.key, cutoff);

  const monthStart = new Date(month.start).toISOString();
  const monthEnd = new Date(month.end).toISOString();
  const balances = await db
    .selectFrom('prepaid_ids')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_ids.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .select((eb) => [
      'prepaid_ids.cloud_account_id as accountId',
      'cloud_accounts.code',
      'members.email',
      // Every yen the account's IDs still hold (what each ID shows), R-PRE-14's kept part of a past month included.
      eb.fn.sum<number>('prepaid_ids.balance').as('balance'),
      // What can pay this month: registered before it ends, not expired before it starts.
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(
              eb.and([eb('prepaid_ids.registered_at', '<', monthEnd), eb('prepaid_ids.expires_at', '>', monthStart)]),
            )
            .then(eb.ref('prepaid_ids.balance'))
            .else(0)
            .end(),
        )
        .as('usable'),
      eb.fn
        .min<string>(
          eb.case().when('prepaid_ids.status', '=', 'registered').then(eb.ref('prepaid_ids.expires_at')).end(),
        )
        .as('nextExpiry'),
    ])
    .where((eb) =>
      eb.or([
        eb('prepaid_ids.status', '=', 'registered'),
        eb.and([eb('prepaid_ids.status', '=', 'expired'), eb('prepaid_ids.balance', '>', 0)]),
      ]),
    )
    .groupBy(['prepaid_ids.cloud_account_id', 'cloud_accounts.code', 'members.email'])
    .execute();
  const thresholds = new Map(
    (await db.selectFrom('prepaid_alert_settings').select(['cloud_account_id', 'threshold']).execute()).map((r) => [
      r.cloud_account_id,
      yenFromDb(r.threshold),
    ]),
  );
  const alerts: DailyUpdateResult['alerts'] = [];
  for (const row of balances) {
    const accountId = row.accountId!;
    const balance = yenFromDb(row.balance ?? 0);
    const monthToDate = totals.get(row.code) ?? new Dec(0);
    const usable = yenFromDb(row.usable ?? 0);
    const projected = Dec.max(usable.minus(monthToDate), 0);
    const values = {
      as_of: input.date,
      month: month.key,
      balance: yenToDb(balance),
      month_to_date: yenToDb(monthToDate),
      projected: yenToDb(projected),
      next_expires_at: row.nextExpiry,
      updated_at: at,
    };
    await db
      .insertInto('prepaid_daily_balances')
      .values({ cloud_account_id: accountId, ...values })
      .onConflict((oc) => oc.column('cloud_account_id').doUpdateSet(values))
      .execute();
    // No alert before any usage: a balance untouched this month is not "used up" by a zero-yen month.
    const kind =
      monthToDate.isZero() && usable.isZero() ? null : alertFor(projected, thresholds.get(accountId) ?? null);
    if (kind) {
      const target = {
        cloudAccountId: accountId,
        accountCode: row.code,
        month: month.key,
        projected,
        threshold: thresholds.get(accountId) ?? null,
      };
      if (await sendAlertOnce(db, kind, target, row.email, now)) alerts.push({ cloudAccountCode: row.code, kind });
    }
  }
  // Accounts shown before whose IDs are all gone (used, expired, void): shown as nothing left, as of today.
  const refreshed = new Set(balances.map((b) => b.accountId));
  const shown = await db
    .selectFrom('prepaid_daily_balances')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_daily_balances.cloud_account_id')
    .select(['prepaid_daily_balances.cloud_account_id', 'cloud_accounts.code'])
    .execute();
  for (const row of shown.filter((r) => !refreshed.has(r.cloud_account_id))) {
    await db
      .updateTable('prepaid_daily_balances')
      .set({
        as_of: input.date,
        month: month.key,
        balance: 0,
        month_to_date: yenToDb(totals.get(row.code) ?? new Dec(0)),
        projected: 0,
        next_expires_at: null,
        updated_at: at,
      })
      .where('cloud_account_id', '=', row.cloud_account_id)
      .execute();
  }
  return {
    date: input.date,
    month: month.key,
    usageSource: source,
    accounts: balances.length,
    forfeited: { count: forfeited.count, total: forfeited.total.toFixed() },
    alerts,
  };
}
