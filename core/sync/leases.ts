import { documentNumbering, reserveCounterBlock } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import { jstToday } from '../time';

/** Numbers a desktop receives at once, and the fewest unused it may hold before it receives another block (D-SYNC-3). */
export const LEASE_BLOCK_SIZE = 20;
export const LEASE_LOW_WATER = 10;

export interface LeasedBlock {
  prefix: string;
  first: string;
  last: string;
  /** The numbers of the block no estimate has taken yet, in order. */
  unused: string[];
}

async function blocksOf(db: LedgerDb, desktopId: string): Promise<LeasedBlock[]> {
  const leases = await db
    .selectFrom('estimate_leases')
    .selectAll()
    .where('desktop_id', '=', desktopId)
    .orderBy('id')
    .execute();
  const blocks: LeasedBlock[] = [];
  for (const lease of leases) {
    const { format } = numberingOf(lease.prefix);
    const first = format(lease.first_value);
    const last = format(lease.last_value);
    const taken = new Set(
      (
        await db
          .selectFrom('prepaid_applications')
          .select('estimate_number')
          .where('estimate_number', '>=', first)
          .where('estimate_number', '<=', last)
          .execute()
      ).map((r) => r.estimate_number),
    );
    const unused: string[] = [];
    for (let n = lease.first_value; n <= lease.last_value; n++) if (!taken.has(format(n))) unused.push(format(n));
    if (unused.length > 0) blocks.push({ prefix: lease.prefix, first, last, unused });
  }
  return blocks;
}

function numberingOf(prefix: string) {
  const year = Number(prefix.slice('EST-'.length));
  return documentNumbering('estimate', year);
}

/**
 * The blocks of estimate numbers this desktop may still use offline; when fewer than LEASE_LOW_WATER numbers of
 * this JST year are left, a new block of the year is taken from the counter first (in the caller's transaction:
 * the counter skips it, so nobody else ever gets one of its numbers). Blocks of a past year stay usable until
 * used up: an estimate's number names the year it was leased in, its dates say when it was issued (D-SYNC-3).
 */
export async function leaseEstimateNumbers(
  db: LedgerDb,
  desktopId: string,
  login: string,
  now: Date,
): Promise<LeasedBlock[]> {
  const { prefix, counter } = documentNumbering('estimate', jstToday(now).year);
  const blocks = await blocksOf(db, desktopId);
  const unusedThisYear = blocks.filter((b) => b.prefix === prefix).reduce((n, b) => n + b.unused.length, 0);
  if (unusedThisYear >= LEASE_LOW_WATER) return blocks;
  const first = await reserveCounterBlock(db, counter, LEASE_BLOCK_SIZE);
  await db
    .insertInto('estimate_leases')
    .values({
      desktop_id: desktopId,
      operator_login: login,
      prefix,
      first_value: first,
      last_value: first + LEASE_BLOCK_SIZE - 1,
      leased_at: now.toISOString(),
    })
    .execute();
  return blocksOf(db, desktopId);
}

/** Whether an estimate number lies in a block leased to this desktop. */
export async function isLeasedTo(db: LedgerDb, desktopId: string, estimateNumber: string): Promise<boolean> {
  const match = /^(EST-[0-9]{4})-([0-9]+)$/.exec(estimateNumber);
  if (!match) return false;
  const n = Number(match[2]);
  const lease = await db
    .selectFrom('estimate_leases')
    .select('id')
    .where('desktop_id', '=', desktopId)
    .where('prefix', '=', match[1]!)
    .where('first_value', '<=', n)
    .where('last_value', '>=', n)
    .executeTakeFirst();
  return lease !== undefined;
}
