import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every distinct query the back office runs; past it the oldest prepared statement is let go. */
const STATEMENTS_KEPT = 1_000;

/**
 * The SQLite handle Kysely is given, preparing each distinct SQL text once. Kysely's driver prepares every
 * query it runs, and the close and a bank import run the same few queries tens of thousands of times: preparing
 * was a fifth of a 100,000-record import's CPU. A statement still being read (iterate) is never handed out
 * twice; a new one is prepared beside it. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function preparingOnce(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const kept = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) return statement;
      const fresh = sqlite.prepare(sql);
      if (!statement) {
        if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
        kept.set(sql, fresh);
      }
      return fresh;
    },
  };
}
