import { renderEstimate } from '../documents';
import { issueDocument } from '../documents/document-store';
import { InputError } from '../errors';
import { nextDocumentNumber } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import type { MemberRow, PrepaidApplicationStatus } from '../ledger/schema';
import { yenFromDb, yenToDb } from '../ledger/yen';
import { Dec } from '../money';
import { sellerAsOf } from '../parties';
import { addDays, compareDates, formatDate, jstToday, parseDate } from '../time';
import { prepaidAmountProblem } from './amount';
import { estimateData } from './document-data';
import type { PricedQuote, Quote } from './quote';
import { priceQuoteOn } from './quote-store';

export type PrepaidApplicationRow = Awaited<ReturnType<typeof findApplication>>;

export interface EstimateDraft {
  /** The prepaid amount; absent for a quote (its amount is the quote's total, D-PRE-L). */
  amount?: string;
  subject: string;
  validDays: number;
  notes: string[];
  /** 担当者; the drafting operator's name when not given (D-PRE-M). */
  repName?: string;
  quote?: Quote;
}

export interface EstimateView {
  estimateNumber: string;
  memberNumber: string;
  memberName: string;
  /** The prepaid statement issued for it (BIL-…), once there is one: its PDF can be opened again. */
  statementNumber: string | null;
  /** draft, issued, expired (issued and past its validity), cancelled, billed, paid, fulfilled */
  status: PrepaidApplicationStatus | 'expired';
  amount: string;
  subject: string;
  validDays: number;
  validUntil: string | null;
  notes: string[];
  issuedAt: string | null;
  repName: string | null;
  /** The quoted configuration (D-PRE-L), or null for a prepaid estimate. */
  quote: Quote | null;
}

/** The estimate's status as shown: an issued estimate past its validity reads `expired`. */
export function effectiveStatus(
  row: { status: PrepaidApplicationStatus; valid_until: string | null },
  today: string,
): EstimateView['status'] {
  if (row.status === 'issued' && row.valid_until !== null && row.valid_until < today) return 'expired';
  return row.status;
}

export function estimateView(row: PrepaidApplicationRow, today: string): EstimateView {
  return {
    estimateNumber: row.estimate_number,
    memberNumber: row.member_number,
    memberName: row.member_name,
    statementNumber: row.statement_number,
    status: effectiveStatus(row, today),
    amount: String(row.amount),
    subject: row.subject,
    validDays: row.valid_days,
    validUntil: row.valid_until,
    notes: JSON.parse(row.notes) as string[],
    issuedAt: row.issued_at,
    repName: row.rep_name,
    quote: row.quote === null ? null : (JSON.parse(row.quote) as Quote),
  };
}

/** Estimates with their member's number, name and kind and their statement's number, as estimateView reads them. */
export function selectApplications(db: LedgerDb) {
  return db
    .selectFrom('prepaid_applications')
    .innerJoin('members', 'members.id', 'prepaid_applications.member_id')
    .leftJoin('documents as statement', 'statement.id', 'prepaid_applications.statement_document_id')
    .selectAll('prepaid_applications')
    .select([
      'members.member_number',
      'members.name as member_name',
      'members.kind as member_kind',
      'statement.number as statement_number',
    ]);
}

export async function findApplication(db: LedgerDb, estimateNumber: string, path = 'estimateNumber') {
  const row = await selectApplications(db).where('estimate_number', '=', estimateNumber).executeTakeFirst();
  if (!row) throw InputError.one(path, 'estimate.not_found', `no estimate ${estimateNumber}`, { estimateNumber });
  return row;
}

function checkAmount(amount: string, path = 'amount'): Dec {
  const d = new Dec(amount);
  const problem = prepaidAmountProblem(d);
  if (problem) throw InputError.one(path, problem.code, problem.message);
  return d;
}

/** R-PARTY-3: only corporations may buy prepaid credit. */
export function assertCorporation(member: Pick<MemberRow, 'kind' | 'member_number'>, path = 'memberNumber'): void {
  if (member.kind !== 'corporation') {
    throw InputError.one(
      path,
      'prepaid.corporations_only',
      `${member.member_number} is an individual: the prepaid method is for corporations only (R-PARTY-3)`,
    );
  }
}

/**
 * Drafts an estimate for one application (R-PRE-2), numbered now so the sales rep can quote the number: the next
 * of the year, or `leasedNumber`, one of a block leased to a team desktop that drafted it offline (core/sync).
 */
export async function draftEstimate(
  db: LedgerDb,
  member: MemberRow,
  draft: EstimateDraft,
  now: Date,
  by: string | null,
  leasedNumber?: string,
): Promise<string> {
  assertCorporation(member);
  const amount = await amountOf(db, draft, now);
  const at = now.toISOString();
  const number = leasedNumber ?? (await nextDocumentNumber(db, 'estimate', jstToday(now).year));
  await db
    .insertInto('prepaid_applications')
    .values({
      member_id: member.id,
      estimate_number: number,
      status: 'draft',
      amount: yenToDb(amount),
      subject: draft.subject,
      valid_days: draft.validDays,
      valid_until: null,
      notes: JSON.stringify(draft.notes),
      created_at: at,
      created_by: by,
      updated_at: at,
      rep_name: draft.repName ?? null,
      quote: draft.quote ? JSON.stringify(draft.quote) : null,
    })
    .execute();
  return number;
}

/** A quote priced as of today (JST): the estimate's figures (D-PRE-L). */
export function quoteToday(db: LedgerDb, quote: Quote, now: Date): Promise<PricedQuote> {
  return priceQuoteOn(db, quote, formatDate(jstToday(now)));
}

/** The estimate's amount: the prepaid amount (R-PRE-1), or a quote's whole-period total (D-PRE-L). */
async function amountOf(db: LedgerDb, draft: { amount?: string; quote?: Quote }, now: Date): Promise<Dec> {
  if (!draft.quote) return checkAmount(draft.amount ?? '');
  const priced = await quoteToday(db, draft.quote, now);
  const total = new Dec(priced.period.total);
  if (total.isZero())
    throw InputError.one('quote.lines', 'quote.nothing_priced', 'the quote prices to ¥0: choose at least one plan');
  return total;
}

function assertStatus(row: PrepaidApplicationRow, allowed: PrepaidApplicationStatus[], action: string): void {
  if (!allowed.includes(row.status)) {
    throw InputError.one(
      'estimateNumber',
      'estimate.wrong_status',
      `${row.estimate_number} is ${row.status}: only a ${allowed.join(' or ')} estimate can be ${action}`,
      { estimateNumber: row.estimate_number, status: row.status, action },
    );
  }
}

export async function updateEstimate(
  db: LedgerDb,
  row: PrepaidApplicationRow,
  change: Partial<EstimateDraft>,
  now: Date,
): Promise<void> {
  assertStatus(row, ['draft'], 'edited');
  const quote = change.quote ?? (row.quote === null ? undefined : (JSON.parse(row.quote) as Quote));
  const amount =
    quote !== undefined
      ? yenToDb(await amountOf(db, { quote }, now))
      : change.amount === undefined
        ? row.amount
        : yenToDb(checkAmount(change.amount));
  await db
    .updateTable('prepaid_applications')
    .set({
      amount,
      subject: change.subject ?? row.subject,
      valid_days: change.validDays ?? row.valid_days,
      notes: change.notes === undefined ? row.notes : JSON.stringify(change.notes),
      rep_name: change.repName === undefined ? row.rep_name : change.repName,
      quote: quote === undefined ? null : JSON.stringify(quote),
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Issues the estimate: valid from today for its days, frozen as a document that renders the same PDF forever. */
export async function issueEstimate(
  db: LedgerDb,
  row: PrepaidApplicationRow,
  member: MemberRow,
  now: Date,
  by: string | null,
): Promise<void> {
  assertStatus(row, ['draft'], 'issued');
  const today = jstToday(now);
  const todayText = formatDate(today);
  const validUntil = formatDate(addDays(today, row.valid_days));
  const issued = { ...row, status: 'issued' as const, valid_until: validUntil };
  const priced = row.quote === null ? null : await quoteToday(db, JSON.parse(row.quote) as Quote, now);
  const data = estimateData(issued, member, todayText, priced);
  const amount = yenFromDb(row.amount);
  const estimateId = await issueDocument(db, {
    kind: 'estimate',
    number: row.estimate_number,
    memberId: member.id,
    issuedAt: now.toISOString(),
    subtotal: yenToDb(priced ? new Dec(priced.period.subtotal) : amount),
    tax: priced ? yenToDb(new Dec(priced.period.tax)) : 0,
    total: yenToDb(priced ? new Dec(priced.period.total) : amount),
    content: data,
    createdBy: by,
    pdf: await renderEstimate(data, await sellerAsOf(db, todayText)),
  });
  await db
    .updateTable('prepaid_applications')
    .set({
      // A quote is priced again on its issue day: its amount is what the issued document says (D-PRE-L).
      ...(priced ? { amount: yenToDb(new Dec(priced.period.total)) } : {}),
      status: 'issued',
      valid_until: validUntil,
      issued_at: now.toISOString(),
      estimate_document_id: estimateId,
      updated_at: now.toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Cancels a draft, an issued estimate, or one billed but not paid (its statement is cancelled with it). */
export async function cancelEstimate(db: LedgerDb, row: PrepaidApplicationRow, now: Date): Promise<void> {
  assertStatus(row, ['draft', 'issued', 'billed'], 'cancelled');
  const at = now.toISOString();
  const documents = [row.estimate_document_id, row.statement_document_id].filter((id): id is number => id !== null);
  if (documents.length > 0)
    await db.updateTable('documents').set({ status: 'cancelled' }).where('id', 'in', documents).execute();
  await db
    .updateTable('prepaid_applications')
    .set({ status: 'cancelled', cancelled_at: at, updated_at: at })
    .where('id', '=', row.id)
    .execute();
}

/** Refuses an estimate past its validity (the day after valid_until, JST). */
export function assertStillValid(row: PrepaidApplicationRow, today: string): void {
  const until = row.valid_until === null ? null : parseDate(row.valid_until);
  const day = parseDate(today)!;
  if (until && compareDates(day, until) > 0) {
    throw InputError.one(
      'estimateNumber',
      'estimate.expired',
      `${row.estimate_number} expired on ${row.valid_until}: draft a new estimate`,
      { estimateNumber: row.estimate_number, validUntil: row.valid_until ?? '' },
    );
  }
}

/** A quote is never billed itself (D-PRE-L): the prepaid steps refuse it. */
export function assertPrepaidEstimate(row: PrepaidApplicationRow): void {
  if (row.quote !== null)
    throw InputError.one(
      'estimateNumber',
      'estimate.is_quote',
      `${row.estimate_number} is a quote: turn it into a prepaid estimate first`,
      { estimateNumber: row.estimate_number },
    );
}

/**
 * D-PRE-L: an issued quote becomes a new prepaid estimate draft for its whole-period total, in one step; the quote
 * stays as issued. Returns the new estimate's number.
 */
export async function quoteToPrepaid(
  db: LedgerDb,
  row: PrepaidApplicationRow,
  member: MemberRow,
  now: Date,
  by: string | null,
): Promise<string> {
  if (row.quote === null)
    throw InputError.one('estimateNumber', 'estimate.not_a_quote', `${row.estimate_number} is not a quote`, {
      estimateNumber: row.estimate_number,
    });
  assertStatus(row, ['issued'], 'turned into a prepaid estimate');
  assertStillValid(row, formatDate(jstToday(now)));
  return draftEstimate(
    db,
    member,
    {
      amount: String(row.amount),
      subject: 'プリペイドクレジットのご購入',
      validDays: row.valid_days,
      notes: [`お見積り ${row.estimate_number} の合計金額分のプリペイドクレジットです。`],
      ...(row.rep_name ? { repName: row.rep_name } : {}),
    },
    now,
    by,
  );
}
