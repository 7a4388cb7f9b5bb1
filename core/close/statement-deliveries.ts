import { InputError } from '../errors';
import type { LedgerDb } from '../ledger/open-database';
import { parseMonth } from '../time';

export interface MonthStatementRow {
  statementNumber: string;
  account: string;
  memberNumber: string;
  memberName: string;
  paymentMethod: string | null;
  /** Yen, a decimal string. */
  total: string;
  amountDue: string;
  dueOn: string | null;
  /** The last time it was printed or sent, if ever (statement_deliveries). */
  printedAt: string | null;
  sentAt: string | null;
}

export interface MonthStatementFilter {
  month: string;
  /** Only bills paid this way. */
  paymentMethod?: string;
  /** Only statements never printed (nor sent). */
  notYetDelivered?: boolean;
}

/** A month's statements with what was done with them (printed, sent), in number order, filtered. */
export async function listMonthStatements(db: LedgerDb, filter: MonthStatementFilter): Promise<MonthStatementRow[]> {
  const key = parseMonth(filter.month, 'month').key;
  let query = db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .select((eb) => [
      'documents.number',
      'documents.due_date',
      'cloud_accounts.code',
      'members.member_number',
      'members.name',
      'bills.payment_method',
      'bills.total',
      'bills.amount_due',
      eb
        .selectFrom('statement_deliveries')
        .select((d) => d.fn.max('recorded_at').as('at'))
        .whereRef('statement_deliveries.document_id', '=', 'documents.id')
        .where('statement_deliveries.how', '=', 'printed')
        .as('printed_at'),
      eb
        .selectFrom('statement_deliveries')
        .select((d) => d.fn.max('recorded_at').as('at'))
        .whereRef('statement_deliveries.document_id', '=', 'documents.id')
        .where('statement_deliveries.how', '=', 'sent')
        .as('sent_at'),
    ])
    .where('documents.kind', '=', 'statement')
    .where('bills.month', '=', key)
    .orderBy('documents.number');
  if (filter.paymentMethod) query = query.where('bills.payment_method', '=', filter.paymentMethod);
  const rows = await query.execute();
  return rows
    .map((r) => ({
      statementNumber: r.number,
      account: r.code,
      memberNumber: r.member_number,
      memberName: r.name,
      paymentMethod: r.payment_method,
      total: String(r.total),
      amountDue: String(r.amount_due),
      dueOn: r.due_date,
      printedAt: r.printed_at ?? null,
      sentAt: r.sent_at ?? null,
    }))
    .filter((r) => !filter.notYetDelivered || (r.printedAt === null && r.sentAt === null));
}

/** Records that these statements (of one month) were printed or sent, now, by whom. */
export async function recordDeliveries(
  db: LedgerDb,
  month: string,
  statementNumbers: string[],
  how: 'printed' | 'sent',
  at: string,
  by: string | null,
): Promise<{ month: string; how: 'printed' | 'sent'; recorded: number }> {
  const key = parseMonth(month, 'month').key;
  const rows = await db
    .selectFrom('documents')
    .innerJoin('bills', 'bills.id', 'documents.bill_id')
    .select(['documents.id', 'documents.number'])
    .where('documents.kind', '=', 'statement')
    .where('bills.month', '=', key)
    .where('documents.number', 'in', statementNumbers)
    .execute();
  const found = new Set(rows.map((r) => r.number));
  const missing = statementNumbers.find((number) => !found.has(number));
  if (missing !== undefined)
    throw InputError.one(
      `statementNumbers[${statementNumbers.indexOf(missing)}]`,
      'statement.not_found',
      `no statement ${missing} of ${key}`,
      { statementNumber: missing },
    );
  if (rows.length > 0)
    await db
      .insertInto('statement_deliveries')
      .values(rows.map((r) => ({ document_id: r.id, how, recorded_at: at, recorded_by: by })))
      .execute();
  return { month: key, how, recorded: rows.length };
}
