import BetterSqlite3 from 'better-sqlite3';

/** A second connection to the same file that takes the write lock and writes, as a long import does. */
export function holdWriteLock(file: string): BetterSqlite3.Database {
  const other = new BetterSqlite3(file);
  other.pragma('busy_timeout = 0');
  other.exec('begin immediate');
  other.exec("update members set email = 'changed@example.jp'");
  return other;
}
