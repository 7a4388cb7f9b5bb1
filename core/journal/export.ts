import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import type { LedgerDb } from '../ledger/open-database';
import { formatDate, type CalendarDate } from '../time';
import { journalEntries } from './entries';
import { JOURNAL_LAYOUTS } from './formats';
import type { JournalTarget } from './mapping';
import { currentMapping } from './mapping-store';

export interface JournalExport {
  target: JournalTarget;
  from: string;
  to: string;
  /** The mapping version it used (0: the default, D-JRN-1). */
  mappingVersion: number;
  /** Journal entries (ledger transactions) and the file's data rows. */
  entries: number;
  rows: number;
  name: string;
  mediaType: string;
  bytes: Buffer;
}

/**
 * The ledger's journal for JST dates `from` to `to` (both included) as a package's import file: the layout's
 * rows through csv-stringify (CRLF, as Windows software expects), encoded as the package reads it (弥生:
 * Shift_JIS through iconv-lite; a character Shift_JIS lacks becomes "?", D-JRN-2).
 */
export async function exportJournal(
  db: LedgerDb,
  target: JournalTarget,
  from: CalendarDate,
  to: CalendarDate,
): Promise<JournalExport> {
  const layout = JOURNAL_LAYOUTS[target];
  const mapping = await currentMapping(db, target);
  const entries = await journalEntries(db, from, to);
  const rows = layout.rows(entries, mapping.accounts);
  const text = stringify(layout.header ? [layout.header, ...rows] : rows, { record_delimiter: 'windows' });
  const bytes =
    layout.encoding === 'Shift_JIS'
      ? iconv.encode(text, 'Shift_JIS')
      : Buffer.concat([layout.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const fromText = formatDate(from);
  const toText = formatDate(to);
  return {
    target,
    from: fromText,
    to: toText,
    mappingVersion: mapping.version,
    entries: entries.length,
    rows: rows.length,
    name: `journal-${target}-${fromText}_${toText}.csv`,
    mediaType: layout.encoding === 'Shift_JIS' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=UTF-8',
    bytes,
  };
}
