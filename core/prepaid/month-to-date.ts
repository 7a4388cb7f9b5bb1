import { Dec } from '../money';
import { rateUsage, type PlanTable } from '../rating';
import { parseInstant } from '../time';

type Json = Record<string, unknown>;

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function before(at: unknown, cutoff: number): boolean {
  const ms = parseInstant(at);
  return ms === null || ms < cutoff; // a bad time is kept, for the rating core to name
}

/**
 * A month's usage file cut at an instant, so the rating core rates the month so far (R-PRE-12): events and
 * transfers after the cut are dropped, resources not created by then are dropped, and every resource still
 * existing is deleted at the cut. Whatever the file gets wrong is left for rateUsage to report.
 */
export function usageUntil(usage: unknown, cutoff: number): unknown {
  if (!isRecord(usage) || !Array.isArray(usage.accounts)) return usage;
  const cutAt = new Date(cutoff).toISOString();
  return {
    ...usage,
    accounts: usage.accounts.map((account: unknown) => {
      if (!isRecord(account) || !Array.isArray(account.resources)) return account;
      const resources = account.resources.flatMap((resource: unknown) => {
        if (!isRecord(resource) || !Array.isArray(resource.events)) return [resource];
        const events = resource.events.filter((e: unknown) => !isRecord(e) || before(e.at, cutoff));
        if (!events.some((e) => isRecord(e) && e.type === 'create')) return [];
        if (!events.some((e) => isRecord(e) && e.type === 'delete')) events.push({ at: cutAt, type: 'delete' });
        const transfers = Array.isArray(resource.transfers)
          ? { transfers: resource.transfers.filter((t: unknown) => !isRecord(t) || before(t.at, cutoff)) }
          : {};
        return [{ ...resource, events, ...transfers }];
      });
      return { ...account, resources };
    }),
  };
}

/** One account's part of a usage file (the rating core rates every account it names). */
function accountOnly(usage: unknown, accountCode: string): unknown {
  if (!isRecord(usage) || !Array.isArray(usage.accounts)) return usage;
  return { ...usage, accounts: usage.accounts.filter((a: unknown) => isRecord(a) && a.account === accountCode) };
}

/**
 * R-PRE-14: the account's month-to-date bill at `instant`, tax included, from the first usage file (newest first)
 * that names the account; null when none does.
 */
export function accountBillUntil(
  usages: unknown[],
  plans: PlanTable,
  accountCode: string,
  instant: number,
): Dec | null {
  for (const usage of usages) {
    const mine = accountOnly(usage, accountCode);
    if (!isRecord(mine) || !Array.isArray(mine.accounts) || mine.accounts.length === 0) continue;
    const bill = rateUsage(usageUntil(mine, instant), plans);
    const account = bill.accounts.find((a) => a.account === accountCode);
    return new Dec(account?.total ?? 0);
  }
  return null;
}
