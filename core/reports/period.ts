import { jstDateRange } from '../journal/entries';
import { parseDate } from '../time';

/** JST dates `from`..`to` (both included, already validated) as the UTC instants [from, to) the ledger reads. */
export function periodOf(from: string, to: string): { from: string; to: string } {
  const { fromIso, toIso } = jstDateRange(parseDate(from)!, parseDate(to)!);
  return { from: fromIso, to: toIso };
}
