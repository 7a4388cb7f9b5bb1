import { archivedPdf } from '../../documents/archive-store';
import { renderPrepaidStatement, type PrepaidStatementData } from '../../documents';
import { sellerAsOf } from '../../parties';
import { formatDate, jstToday } from '../../time';
import { yenToDb } from '../../ledger/yen';
import { Dec } from '../../money';
import { dailyUpdate } from '../../prepaid/daily-update';
import { findApplication } from '../../prepaid/estimates';
import { issuePrepaidId, lateIssuances, noticePdf } from '../../prepaid/issue';
import { registerPrepaidId, REGISTER_OPERATION } from '../../prepaid/register';
import { findByStatement, issueStatement } from '../../prepaid/statement';
import { defineOperation, type OperationApp } from '../operation';
import {
  accountRefInput,
  alertThresholdInput,
  dailyUpdateInput,
  estimateRefInput,
  issuePrepaidIdInput,
  lateIssuancesInput,
  memberPrepaidInput,
  noticeRefInput,
  registerPrepaidIdInput,
  statementRefInput,
} from '../schemas/prepaid';
import { findCloudAccount, findMember, memberById } from '../../parties';
import type { LedgerDb } from '../../ledger/open-database';
import { pdfOutput } from '../file-output';

const READERS = ['sales', 'accounting', 'supervisor'] as const;

const findAccount = (db: LedgerDb, code: string) => findCloudAccount(db, code, 'cloudAccountCode');

/** R-PRE-2: the prepaid billing statement (請求書) of an issued estimate. */
const issueStatementOp = defineOperation({
  name: 'prepaid.issueStatement',
  roles: ['sales', 'accounting'],
  input: estimateRefInput,
  audited: true,
  handler: async (ctx, input) => {
    const app = await findApplication(ctx.db, input.estimateNumber);
    const member = await memberById(ctx.db, app.member_id);
    const number = await issueStatement(ctx.db, app, member, ctx.now, ctx.operator?.login ?? null);
    const s = await findByStatement(ctx.db, number);
    return {
      statementNumber: number,
      estimateNumber: s.estimate_number,
      amount: String(s.statement_total),
      dueDate: s.statement_due_date,
      payerNameKana: s.payer_kana,
    };
  },
});

const statementPdf = defineOperation({
  name: 'prepaid.statementPdf',
  roles: [...READERS],
  input: statementRefInput,
  audited: false,
  handler: async (ctx, input) => {
    const s = await findByStatement(ctx.db, input.statementNumber);
    const data = JSON.parse(s.statement_content) as PrepaidStatementData;
    const pdf =
      (await archivedPdf(ctx.db, s.statement_id)) ??
      (await renderPrepaidStatement(data, await sellerAsOf(ctx.db, data.issueDate)));
    return pdfOutput(`${s.statement_number}.pdf`, pdf);
  },
});

/** R-PRE-2, R-PRE-3: the prepaid ID of a paid statement; the notice is queued by e-mail and returned once. */
const issueId = defineOperation({
  name: 'prepaid.issueId',
  roles: ['accounting'],
  input: issuePrepaidIdInput,
  audited: true,
  handler: async (ctx, input) => {
    const { noticePdf: pdf, ...issued } = await issuePrepaidId(
      ctx.db,
      await findByStatement(ctx.db, input.statementNumber),
      ctx.now,
      ctx.operator?.login ?? null,
    );
    // The notice (it shows the code) is handed back once, as a file to preview or save.
    return pdf === null ? { ...issued, file: null } : { ...issued, ...pdfOutput(`${issued.noticeNumber}.pdf`, pdf) };
  },
});

/**
 * The notice PDF again, read from its .eml beside the ledger while that file is kept (the code is in no
 * database). Audited: it shows a usable code.
 */
const noticePdfOp = defineOperation({
  name: 'prepaid.noticePdf',
  roles: ['accounting'],
  input: noticeRefInput,
  audited: true,
  handler: async (ctx, input) => pdfOutput(`${input.noticeNumber}.pdf`, await noticePdf(ctx.db, input.noticeNumber)),
});

const late = defineOperation({
  name: 'prepaid.lateIssuances',
  roles: [...READERS],
  input: lateIssuancesInput,
  audited: false,
  handler: async (ctx, input) => lateIssuances(ctx.db, input.date ?? formatDate(jstToday(ctx.now))),
});

/** R-PRE-4, R-PRE-5: refusals are audited (as forbidden) and throttle the account. The code is never audited. */
const register = defineOperation({
  name: REGISTER_OPERATION,
  roles: ['sales', 'accounting'],
  input: registerPrepaidIdInput,
  audited: true,
  secretFields: ['code'],
  handler: (ctx, input) => registerPrepaidId(ctx.db, input, ctx.now),
});

const list = defineOperation({
  name: 'prepaid.list',
  roles: [...READERS],
  input: memberPrepaidInput,
  audited: false,
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    const rows = await ctx.db
      .selectFrom('prepaid_ids')
      .leftJoin('cloud_accounts', 'cloud_accounts.id', 'prepaid_ids.cloud_account_id')
      .leftJoin('documents', 'documents.id', 'prepaid_ids.notice_document_id')
      .select([
        'prepaid_ids.code_hint',
        'prepaid_ids.status',
        'prepaid_ids.amount',
        'prepaid_ids.balance',
        'prepaid_ids.forfeited',
        'prepaid_ids.issued_at',
        'prepaid_ids.registration_deadline',
        'prepaid_ids.registered_at',
        'prepaid_ids.expires_at',
        'cloud_accounts.code as account_code',
        'documents.number as notice_number',
      ])
      .where('prepaid_ids.member_id', '=', member.id)
      .orderBy('prepaid_ids.id')
      .execute();
    return rows.map((r) => ({
      codeHint: r.code_hint,
      noticeNumber: r.notice_number,
      status: r.status,
      amount: String(r.amount),
      balance: String(r.balance),
      forfeited: String(r.forfeited),
      cloudAccountCode: r.account_code,
      issuedAt: r.issued_at,
      registrationDeadline: r.registration_deadline,
      registeredAt: r.registered_at,
      expiresAt: r.expires_at,
    }));
  },
});

/** R-PRE-12: what the account's balance screen shows, as of the last daily update. */
const balance = defineOperation({
  name: 'prepaid.balance',
  roles: [...READERS],
  input: accountRefInput,
  audited: false,
  handler: async (ctx, input) => {
    const account = await findAccount(ctx.db, input.cloudAccountCode);
    const daily = await ctx.db
      .selectFrom('prepaid_daily_balances')
      .selectAll()
      .where('cloud_account_id', '=', account.id)
      .executeTakeFirst();
    const threshold = await ctx.db
      .selectFrom('prepaid_alert_settings')
      .select('threshold')
      .where('cloud_account_id', '=', account.id)
      .executeTakeFirst();
    return {
      cloudAccountCode: account.code,
      asOf: daily?.as_of ?? null,
      balance: daily ? String(daily.balance) : null,
      monthToDate: daily ? String(daily.month_to_date) : null,
      projected: daily ? String(daily.projected) : null,
      nextExpiresAt: daily?.next_expires_at ?? null,
      alertThreshold: threshold ? String(threshold.threshold) : null,
    };
  },
});

const setAlertThreshold = defineOperation({
  name: 'prepaid.setAlertThreshold',
  roles: ['sales', 'accounting'],
  input: alertThresholdInput,
  audited: true,
  handler: async (ctx, input) => {
    const account = await findAccount(ctx.db, input.cloudAccountCode);
    const values = { threshold: yenToDb(new Dec(input.threshold)), updated_at: ctx.now.toISOString() };
    await ctx.db
      .insertInto('prepaid_alert_settings')
      .values({ cloud_account_id: account.id, ...values })
      .onConflict((oc) => oc.column('cloud_account_id').doUpdateSet(values))
      .execute();
    return { cloudAccountCode: account.code, threshold: input.threshold };
  },
});

/** R-PRE-12, R-PRE-13, R-PRE-5/6/11: the once-a-day update of balances, forfeits and alerts. */
const daily = defineOperation({
  name: 'prepaid.dailyUpdate',
  roles: ['accounting', 'admin'],
  input: dailyUpdateInput,
  audited: true,
  handler: async (ctx, input) => dailyUpdate(ctx.db, input, ctx.now, ctx.operator?.login ?? null),
});

export const prepaidIdsApp = {
  domain: 'prepaid',
  operations: [
    issueStatementOp,
    statementPdf,
    issueId,
    noticePdfOp,
    late,
    register,
    list,
    balance,
    setAlertThreshold,
    daily,
  ],
} as const satisfies OperationApp;
