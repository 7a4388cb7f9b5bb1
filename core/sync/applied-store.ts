import type { LedgerDb } from '../ledger/open-database';
import type { ProblemCode, ProblemParams } from '../problem-codes';

/** The output of an offline operation: a member's or an estimate's view, flat JSON (catalog-types.ts checks it). */
export type JsonValue = { [key: string]: string | number | boolean | null | string[] } | null;

/** What the server answered to one offline operation; the same answer is given to every replay of its id. */
export type AppliedAnswer =
  | { outcome: 'applied'; output: JsonValue }
  | { outcome: 'refused'; code: ProblemCode; params?: ProblemParams; message: string };

export interface AppliedRecord {
  operationId: string;
  desktopId: string;
  login: string;
  operation: string;
  madeAt: string;
  appliedAt: string;
  answer: AppliedAnswer;
}

export async function findApplied(db: LedgerDb, operationId: string): Promise<AppliedAnswer | null> {
  const row = await db
    .selectFrom('sync_applied')
    .select('answer')
    .where('operation_id', '=', operationId)
    .executeTakeFirst();
  return row === undefined ? null : (JSON.parse(row.answer) as AppliedAnswer);
}

export async function recordApplied(db: LedgerDb, record: AppliedRecord): Promise<void> {
  await db
    .insertInto('sync_applied')
    .values({
      operation_id: record.operationId,
      desktop_id: record.desktopId,
      operator_login: record.login,
      operation: record.operation,
      made_at: record.madeAt,
      applied_at: record.appliedAt,
      outcome: record.answer.outcome,
      answer: JSON.stringify(record.answer),
    })
    .execute();
}
