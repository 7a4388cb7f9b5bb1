import { addDays, compareDates, formatDate, jstDate, parseDate } from '../time';

/**
 * Files a host keeps one per JST calendar day, named `PREFIX-YYYY-MM-DD.EXT` (the desktop app's log files,
 * electron/README.md D-APP-3): the name of the day's file, and which files of a folder are older than the days
 * kept. The days come from core/time, the one home of the JST calendar.
 */
export interface DailyFiles {
  prefix: string;
  /** With its dot: `.log`. */
  extension: string;
}

/** The file of the JST day `now` falls on. */
export function dailyFileName(files: DailyFiles, now: Date): string {
  return `${files.prefix}-${formatDate(jstDate(now.getTime()))}${files.extension}`;
}

/** The names among `names` of days before the last `keepDays` JST days (today included); other names never. */
export function expiredDailyFiles(files: DailyFiles, names: string[], now: Date, keepDays: number): string[] {
  const oldestKept = addDays(jstDate(now.getTime()), -(keepDays - 1));
  const head = `${files.prefix}-`;
  return names.filter((name) => {
    if (!name.startsWith(head) || !name.endsWith(files.extension)) return false;
    const day = parseDate(name.slice(head.length, name.length - files.extension.length));
    return day !== null && compareDates(day, oldestKept) < 0;
  });
}
