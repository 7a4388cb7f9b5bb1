import { renderPrepaidStatement } from '../documents';
import { issueDocument } from '../documents/document-store';
import { InputError } from '../errors';
import { nextDocumentNumber } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import type { MemberRow } from '../ledger/schema';
import { sellerAsOf } from '../parties';
import { addDays, formatDate, jstToday, nextBusinessDay } from '../time';
import { statementData } from './document-data';
import { assertPrepaidEstimate, assertStillValid, type PrepaidApplicationRow } from './estimates';

/** Decision: a prepaid statement is due 14 days after its issue, moved to the next bank business day (R-BILL-6). */
export const STATEMENT_PAYMENT_DAYS = 14;
/** Zengin's 振込依頼人名 field holds 48 half-width characters. */
const PAYER_NAME_LENGTH = 48;

/**
 * The name the member is asked to pay under: the statement number's digits, a space, and the member's kana
 * name, cut to the bank field's 48 characters. The digits let a bank file be matched to the statement even
 * when the kana is abbreviated by the bank.
 */
export function payerNameFor(statementNumber: string, memberKana: string): string {
  return `${statementNumber.replace(/\D/g, '')} ${memberKana}`.slice(0, PAYER_NAME_LENGTH);
}

/** Issues the prepaid billing statement (請求書) of an issued, still valid estimate (R-PRE-2). */
export async function issueStatement(
  db: LedgerDb,
  app: PrepaidApplicationRow,
  member: MemberRow,
  now: Date,
  by: string | null,
): Promise<string> {
  if (app.status !== 'issued') {
    throw InputError.one(
      'estimateNumber',
      'estimate.not_issued',
      `${app.estimate_number} is ${app.status}: a statement follows an issued estimate, once`,
      { estimateNumber: app.estimate_number, status: app.status },
    );
  }
  assertPrepaidEstimate(app);
  const today = jstToday(now);
  const todayText = formatDate(today);
  assertStillValid(app, todayText);
  const number = await nextDocumentNumber(db, 'statement', today.year);
  const dueDate = formatDate(nextBusinessDay(addDays(today, STATEMENT_PAYMENT_DAYS), 'dueDate'));
  const payerNameKana = payerNameFor(number, member.name_kana);
  const data = statementData(app, member, { number, issueDate: todayText, dueDate, payerNameKana });
  const statementId = await issueDocument(db, {
    kind: 'statement',
    number,
    memberId: member.id,
    relatedDocumentId: app.estimate_document_id,
    issuedAt: now.toISOString(),
    dueDate,
    subtotal: app.amount,
    tax: 0,
    total: app.amount,
    content: data,
    createdBy: by,
    pdf: await renderPrepaidStatement(data, await sellerAsOf(db, todayText)),
  });
  await db
    .updateTable('prepaid_applications')
    .set({
      status: 'billed',
      statement_document_id: statementId,
      payer_kana: payerNameKana,
      updated_at: now.toISOString(),
    })
    .where('id', '=', app.id)
    .execute();
  return number;
}

/** The application a prepaid statement bills, with its statement document. */
export async function findByStatement(db: LedgerDb, statementNumber: string, path = 'statementNumber') {
  const row = await db
    .selectFrom('documents')
    .innerJoin('prepaid_applications', 'prepaid_applications.statement_document_id', 'documents.id')
    .innerJoin('members', 'members.id', 'prepaid_applications.member_id')
    .selectAll('prepaid_applications')
    .select([
      'documents.id as statement_id',
      'documents.number as statement_number',
      'documents.total as statement_total',
      'documents.due_date as statement_due_date',
      'documents.content as statement_content',
      'members.member_number',
      'members.kind as member_kind',
    ])
    .where('documents.number', '=', statementNumber)
    .where('documents.kind', '=', 'statement')
    .executeTakeFirst();
  if (!row)
    throw InputError.one(path, 'statement.not_found', `no prepaid statement ${statementNumber}`, { statementNumber });
  return row;
}

export type StatementApplication = Awaited<ReturnType<typeof findByStatement>>;
