import { issueDocument } from '../documents/document-store';
import { memberById, sellerAsOf } from '../parties';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderPrepaidIdNotice } from '../documents';
import { InputError } from '../errors';
import { nextDocumentNumber } from '../ledger/counters';
import type { LedgerDb } from '../ledger/open-database';
import { formatYen } from '../money';
import { DAY_MS, daysBetween, formatDate, jstDate, jstToday, parseDate } from '../time';
import { formatCode, generateCode } from './code';
import { attachmentOf } from './eml';
import { hashCode, prepaidCodeKey } from './code-key';
import { noticeData } from './document-data';
import { mailDirectory, queueMail } from './notice-mail';
import { registrationDays } from './settings';
import type { StatementApplication } from './statement';

export interface IssuedPrepaidId {
  outcome: 'issued' | 'unchanged';
  statementNumber: string;
  noticeNumber: string;
  /** The last four characters, as screens show it. The full code is only in the notice. */
  codeHint: string;
  amount: string;
  registrationDeadline: string;
  issueDueDate: string | null;
  /** Issued after its due date (R-PRE-3). */
  late: boolean;
  /** The .eml file queued for the member (it holds the code; it is written beside the ledger, not in it). */
  emlFile: string | null;
  /** The notice PDF, returned once when issued (it shows the code). */
  noticePdf: Buffer | null;
}

/** A code not yet used: its keyed hash is unique (a collision of 74 random bits is retried, never expected). */
async function freshCode(db: LedgerDb, key: Buffer): Promise<{ code: string; hash: string }> {
  for (;;) {
    const code = generateCode();
    const hash = hashCode(key, code);
    const taken = await db.selectFrom('prepaid_ids').select('id').where('code', '=', hash).executeTakeFirst();
    if (!taken) return { code, hash };
  }
}

/**
 * Issues the prepaid ID a confirmed deposit paid for (R-PRE-2, R-PRE-3): a CSPRNG code stored only as its HMAC
 * and last four characters, the notice (document + PDF) queued as an e-mail to the member's registered address,
 * void if not registered within the registration period (R-PRE-5). Issuing twice changes nothing.
 */
export async function issuePrepaidId(
  db: LedgerDb,
  app: StatementApplication,
  now: Date,
  by: string | null,
): Promise<IssuedPrepaidId> {
  if (app.status === 'fulfilled' && app.prepaid_id !== null) {
    const done = await db
      .selectFrom('prepaid_ids')
      .innerJoin('documents', 'documents.id', 'prepaid_ids.notice_document_id')
      .select([
        'prepaid_ids.code_hint',
        'prepaid_ids.amount',
        'prepaid_ids.registration_deadline',
        'prepaid_ids.issued_at',
        'documents.number',
      ])
      .where('prepaid_ids.id', '=', app.prepaid_id)
      .executeTakeFirstOrThrow();
    return {
      outcome: 'unchanged',
      statementNumber: app.statement_number,
      noticeNumber: done.number,
      codeHint: done.code_hint ?? '',
      amount: String(done.amount),
      registrationDeadline: done.registration_deadline ?? '',
      issueDueDate: app.issue_due_date,
      late: app.issue_due_date !== null && formatDate(jstDate(Date.parse(done.issued_at ?? ''))) > app.issue_due_date,
      emlFile: null,
      noticePdf: null,
    };
  }
  if (app.status !== 'paid' || app.credit_amount === null) {
    throw InputError.one(
      'statementNumber',
      'prepaid.statement_not_paid',
      `${app.statement_number} is ${app.status}: a prepaid ID is issued once its deposit is confirmed`,
      { statementNumber: app.statement_number, status: app.status },
    );
  }
  const member = await memberById(db, app.member_id);
  const key = await prepaidCodeKey(db);
  const { code, hash } = await freshCode(db, key);
  const today = jstToday(now);
  const todayText = formatDate(today);
  const at = now.toISOString();
  const deadline = new Date(now.getTime() + registrationDays() * DAY_MS).toISOString();
  const deadlineDate = formatDate(jstDate(Date.parse(deadline)));
  const noticeNumber = await nextDocumentNumber(db, 'prepaid_notice', today.year);
  const shown = formatCode(code);
  const data = noticeData(member, {
    number: noticeNumber,
    issueDate: todayText,
    code: shown,
    amount: app.credit_amount,
    registrationDeadline: deadlineDate,
    statementNumber: app.statement_number,
  });
  const seller = await sellerAsOf(db, todayText);
  const pdf = await renderPrepaidIdNotice(data, seller);
  const hint = code.slice(-4);
  const kept = { ...data, prepaidId: `****-****-****-${hint}` };
  const noticeId = await issueDocument(db, {
    kind: 'prepaid_notice',
    number: noticeNumber,
    memberId: member.id,
    relatedDocumentId: app.statement_id,
    issuedAt: at,
    subtotal: app.credit_amount,
    tax: 0,
    total: app.credit_amount,
    // The code itself is never stored: the notice is kept with its last four characters only.
    content: kept,
    createdBy: by,
    // D-ARCH-3: the archive keeps the notice with the code masked: a bearer secret the ledger never holds.
    pdf: await renderPrepaidIdNotice({ ...data, prepaidId: `XXXX-XXXX-XXXX-${hint}` }, seller),
  });
  const row = await db
    .insertInto('prepaid_ids')
    .values({
      code: hash,
      code_hint: hint,
      member_id: member.id,
      document_id: app.statement_id,
      amount: app.credit_amount,
      balance: app.credit_amount,
      status: 'issued',
      issue_due_date: app.issue_due_date,
      issued_at: at,
      registration_deadline: deadline,
      cloud_account_id: null,
      registered_at: null,
      expires_at: null,
      created_at: at,
      application_id: app.id,
      notice_document_id: noticeId,
      closed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('prepaid_applications')
    .set({ status: 'fulfilled', prepaid_id: row.id, updated_at: at })
    .where('id', '=', app.id)
    .execute();
  const mail = await queueMail(
    db,
    {
      to: member.email,
      subject: `【プリペイドID発行のお知らせ】${noticeNumber}`,
      topic: 'prepaid.id_notice',
      text: [
        `${member.name} ご担当者様`,
        '',
        `ご入金（${formatYen(String(app.credit_amount))}）を確認いたしました。プリペイドIDを発行しましたので、添付の「プリペイドID発行のお知らせ」をご確認ください。`,
        `登録期限: ${deadlineDate}`,
        '',
        `${seller.name} 請求担当`,
      ].join('\n'),
      attachments: [{ filename: `${noticeNumber}.pdf`, contentType: 'application/pdf', data: pdf }],
      fileName: `${noticeNumber}.eml`,
    },
    now,
  );
  return {
    outcome: 'issued',
    statementNumber: app.statement_number,
    noticeNumber,
    codeHint: hint,
    amount: String(app.credit_amount),
    registrationDeadline: deadline,
    issueDueDate: app.issue_due_date,
    late: app.issue_due_date !== null && todayText > app.issue_due_date,
    emlFile: mail.file,
    noticePdf: pdf,
  };
}

export interface LateIssuance {
  statementNumber: string;
  memberNumber: string;
  amount: string;
  paidAt: string;
  issueDueDate: string;
  /** Calendar days past the due date. */
  daysLate: number;
}

/** R-PRE-3: paid applications whose prepaid ID is still not issued after its due date, most overdue first. */
export async function lateIssuances(db: LedgerDb, today: string): Promise<LateIssuance[]> {
  const rows = await db
    .selectFrom('prepaid_applications')
    .innerJoin('documents', 'documents.id', 'prepaid_applications.statement_document_id')
    .innerJoin('members', 'members.id', 'prepaid_applications.member_id')
    .select([
      'documents.number',
      'members.member_number',
      'prepaid_applications.credit_amount',
      'prepaid_applications.paid_at',
      'prepaid_applications.issue_due_date',
    ])
    .where('prepaid_applications.status', '=', 'paid')
    .where('prepaid_applications.issue_due_date', '<', today)
    .orderBy('prepaid_applications.issue_due_date')
    .orderBy('prepaid_applications.id')
    .execute();
  const day = parseDate(today)!;
  return rows.map((r) => ({
    statementNumber: r.number,
    memberNumber: r.member_number,
    amount: String(r.credit_amount),
    paidAt: r.paid_at ?? '',
    issueDueDate: r.issue_due_date ?? '',
    daysLate: daysBetween(parseDate(r.issue_due_date)!, day),
  }));
}

/** The notice PDF as attached to its .eml, while that file is kept beside the ledger. */
export async function noticePdf(db: LedgerDb, noticeNumber: string): Promise<Buffer> {
  const doc = await db
    .selectFrom('documents')
    .select('id')
    .where('number', '=', noticeNumber)
    .where('kind', '=', 'prepaid_notice')
    .executeTakeFirst();
  if (!doc)
    throw InputError.one('noticeNumber', 'notice.not_found', `no prepaid ID notice ${noticeNumber}`, { noticeNumber });
  let eml: string;
  try {
    eml = readFileSync(path.join(await mailDirectory(db), `${noticeNumber}.eml`), 'utf8');
  } catch {
    throw InputError.one(
      'noticeNumber',
      'notice.mail_gone',
      `the e-mail of ${noticeNumber} is no longer kept: the code cannot be shown again (only its keyed hash is stored)`,
      { noticeNumber },
    );
  }
  const pdf = attachmentOf(eml, `${noticeNumber}.pdf`);
  if (!pdf)
    throw InputError.one('noticeNumber', 'notice.mail_gone', `the e-mail of ${noticeNumber} has no notice attached`, {
      noticeNumber,
    });
  return pdf;
}
