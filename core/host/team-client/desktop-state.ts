import Database from 'better-sqlite3';
import type { ProblemCode, ProblemParams } from '../../problem-codes';

/** One operation made offline, waiting for the server (sync.apply's input, with what the list of problems names). */
export interface QueuedOperation {
  id: string;
  login: string;
  operation: string;
  input: unknown;
  madeAt: string;
  /** What it was about, for the rep: the member's name, the estimate's number. */
  subject: string;
}

export interface StoredSyncProblem {
  id: string;
  operation: string;
  madeAt: string;
  subject: string;
  code: ProblemCode;
  params?: ProblemParams;
  message: string;
}

/**
 * What a team desktop keeps beside its local copy of the ledger, in a small SQLite file of its own: its id, the
 * cursor of its copy, when it last synchronised, the queue of operations made offline (in the order made) and
 * the sync problems the server answered. Synchronous (better-sqlite3): one desktop, one writer.
 */
export class DesktopState {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      create table if not exists state (key text primary key, value text not null);
      create table if not exists queue (
        seq integer primary key autoincrement, id text not null unique, login text not null, operation text not null,
        input text not null, made_at text not null, subject text not null);
      create table if not exists problems (
        id text primary key, operation text not null, made_at text not null, subject text not null,
        code text not null, params text, message text not null);
    `);
  }

  get(key: string): string | null {
    const row = this.db.prepare('select value from state where key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  set(key: string, value: string | null): void {
    if (value === null) this.db.prepare('delete from state where key = ?').run(key);
    else
      this.db
        .prepare('insert into state (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
        .run(key, value);
  }

  enqueue(op: QueuedOperation): void {
    this.db
      .prepare('insert into queue (id, login, operation, input, made_at, subject) values (?, ?, ?, ?, ?, ?)')
      .run(op.id, op.login, op.operation, JSON.stringify(op.input), op.madeAt, op.subject);
  }

  /** The queue in the order the operations were made (all of it, or its first `limit`). */
  queued(limit = -1): QueuedOperation[] {
    const rows = this.db.prepare('select * from queue order by seq limit ?').all(limit) as {
      id: string;
      login: string;
      operation: string;
      input: string;
      made_at: string;
      subject: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      login: r.login,
      operation: r.operation,
      input: JSON.parse(r.input) as unknown,
      madeAt: r.made_at,
      subject: r.subject,
    }));
  }

  get waiting(): number {
    return (this.db.prepare('select count(*) as n from queue').get() as { n: number }).n;
  }

  /** The server answered this operation: it leaves the queue, and a refusal joins the problems, in one step. */
  answered(id: string, problem: StoredSyncProblem | null): void {
    this.db.transaction(() => {
      this.db.prepare('delete from queue where id = ?').run(id);
      if (problem)
        this.db
          .prepare(
            'insert or replace into problems (id, operation, made_at, subject, code, params, message) values (?, ?, ?, ?, ?, ?, ?)',
          )
          .run(
            problem.id,
            problem.operation,
            problem.madeAt,
            problem.subject,
            problem.code,
            problem.params === undefined ? null : JSON.stringify(problem.params),
            problem.message,
          );
    })();
  }

  /** Changes the input of every queued operation (a member's provisional number replaced by the server's). */
  rewriteInputs(change: (input: unknown) => unknown): void {
    const update = this.db.prepare('update queue set input = ? where id = ?');
    this.db.transaction(() => {
      for (const op of this.queued()) update.run(JSON.stringify(change(op.input)), op.id);
    })();
  }

  dismissProblem(id: string): void {
    this.db.prepare('delete from problems where id = ?').run(id);
  }

  problems(): StoredSyncProblem[] {
    const rows = this.db.prepare('select * from problems order by made_at, id').all() as {
      id: string;
      operation: string;
      made_at: string;
      subject: string;
      code: ProblemCode;
      params: string | null;
      message: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      operation: r.operation,
      madeAt: r.made_at,
      subject: r.subject,
      code: r.code,
      ...(r.params === null ? {} : { params: JSON.parse(r.params) as ProblemParams }),
      message: r.message,
    }));
  }

  close(): void {
    this.db.close();
  }
}
