import type BetterSqlite3 from 'better-sqlite3';

/** Rows a transaction changes from which its WAL is folded into the file after its commit, not inside it. */
export const LARGE_WRITE_ROWS = 20_000;

/**
 * D-LEDGER-7: SQLite folds the WAL back into the ledger file (a checkpoint) inside the commit that passes 1,000
 * pages: a 100,000-record bank import's commit then copies ~100 MB and syncs the file before its call can answer,
 * a twentieth of the whole import. The commit of a transaction that changed LARGE_WRITE_ROWS rows or more skips
 * it; the checkpoint runs just after, once the call has had its answer. Nothing is less safe: the transaction is
 * durable once its WAL is synced (synchronous FULL), and a checkpoint only copies pages that are already there.
 * If it cannot run then (another transaction began in between), the next commit's automatic checkpoint does it.
 */
export class CheckpointAfterLargeWrites {
  private readonly totalChanges: BetterSqlite3.Statement;
  private readonly autocheckpoint: number;
  private changesAtBegin = 0;

  constructor(private readonly sqlite: BetterSqlite3.Database) {
    this.totalChanges = sqlite.prepare('select total_changes()').pluck();
    this.autocheckpoint = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  }

  /** Call when a write transaction has begun. */
  begun(): void {
    this.changesAtBegin = this.totalChanges.get() as number;
  }

  /** Runs `commit`, without its checkpoint when the transaction was large. */
  async commit(commit: () => Promise<void>): Promise<void> {
    const large = (this.totalChanges.get() as number) - this.changesAtBegin >= LARGE_WRITE_ROWS;
    if (!large || this.autocheckpoint <= 0) return commit();
    this.sqlite.pragma('wal_autocheckpoint = 0');
    try {
      await commit();
    } finally {
      this.sqlite.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
    }
    setImmediate(() => this.checkpoint());
  }

  private checkpoint(): void {
    if (!this.sqlite.open || this.sqlite.inTransaction) return;
    try {
      this.sqlite.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Left to the next commit's automatic checkpoint.
    }
  }
}
