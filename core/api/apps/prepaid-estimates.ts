import { archivedPdf } from '../../documents/archive-store';
import { renderEstimate, type EstimateData } from '../../documents';
import type { Quote } from '../../prepaid/quote';
import { InputError } from '../../errors';
import { addDays, formatDate, jstToday } from '../../time';
import { estimateData } from '../../prepaid/document-data';
import {
  cancelEstimate,
  draftEstimate,
  estimateView,
  findApplication,
  selectApplications,
  issueEstimate,
  quoteToday,
  quoteToPrepaid,
  updateEstimate,
} from '../../prepaid/estimates';
import { defineOperation, type OperationApp } from '../operation';
import {
  draftEstimateInput,
  estimateRefInput,
  listEstimatesInput,
  quoteInput,
  updateEstimateInput,
} from '../schemas/prepaid';
import { findMember, memberById, sellerAsOf } from '../../parties';
import { pdfOutput } from '../file-output';
import type { LedgerDb } from '../../ledger/open-database';

const READERS = ['sales', 'accounting', 'supervisor'] as const;

/** The estimate as it stands, its validity judged on today's JST date. */
async function estimateAsOf(db: LedgerDb, estimateNumber: string, now: Date) {
  return estimateView(await findApplication(db, estimateNumber), formatDate(jstToday(now)));
}

const draft = defineOperation({
  name: 'estimates.draft',
  roles: ['sales'],
  input: draftEstimateInput,
  audited: true,
  handler: async (ctx, input) => {
    const member = await findMember(ctx.db, input.memberNumber);
    const repName = input.repName ?? ctx.operator?.name;
    const draft = { ...input, ...(repName ? { repName } : {}) };
    const number = await draftEstimate(ctx.db, member, draft, ctx.now, ctx.operator?.login ?? null);
    return estimateAsOf(ctx.db, number, ctx.now);
  },
});

const update = defineOperation({
  name: 'estimates.update',
  roles: ['sales'],
  input: updateEstimateInput,
  audited: true,
  handler: async (ctx, input) => {
    await updateEstimate(ctx.db, await findApplication(ctx.db, input.estimateNumber), input, ctx.now);
    return estimateAsOf(ctx.db, input.estimateNumber, ctx.now);
  },
});

const issue = defineOperation({
  name: 'estimates.issue',
  roles: ['sales'],
  input: estimateRefInput,
  audited: true,
  handler: async (ctx, input) => {
    const app = await findApplication(ctx.db, input.estimateNumber);
    const member = await memberById(ctx.db, app.member_id);
    await issueEstimate(ctx.db, app, member, ctx.now, ctx.operator?.login ?? null);
    return estimateAsOf(ctx.db, input.estimateNumber, ctx.now);
  },
});

const cancel = defineOperation({
  name: 'estimates.cancel',
  roles: ['sales'],
  input: estimateRefInput,
  audited: true,
  handler: async (ctx, input) => {
    await cancelEstimate(ctx.db, await findApplication(ctx.db, input.estimateNumber), ctx.now);
    return estimateAsOf(ctx.db, input.estimateNumber, ctx.now);
  },
});

const get = defineOperation({
  name: 'estimates.get',
  roles: [...READERS],
  input: estimateRefInput,
  audited: false,
  handler: async (ctx, input) => estimateAsOf(ctx.db, input.estimateNumber, ctx.now),
});

const list = defineOperation({
  name: 'estimates.list',
  roles: [...READERS],
  input: listEstimatesInput,
  audited: false,
  handler: async (ctx, input) => {
    let query = selectApplications(ctx.db);
    if (input.memberNumber)
      query = query.where('prepaid_applications.member_id', '=', (await findMember(ctx.db, input.memberNumber)).id);
    const today = formatDate(jstToday(ctx.now));
    return (await query.orderBy('prepaid_applications.id', 'desc').limit(500).execute()).map((r) =>
      estimateView(r, today),
    );
  },
});

/** The estimate PDF: an issued one exactly as issued; a draft as a preview dated today. */
const pdf = defineOperation({
  name: 'estimates.pdf',
  roles: [...READERS],
  input: estimateRefInput,
  audited: false,
  handler: async (ctx, input) => {
    const app = await findApplication(ctx.db, input.estimateNumber);
    let data: EstimateData;
    if (app.estimate_document_id !== null) {
      const kept = await archivedPdf(ctx.db, app.estimate_document_id);
      if (kept) return pdfOutput(`${app.estimate_number}.pdf`, kept);
      const doc = await ctx.db
        .selectFrom('documents')
        .select('content')
        .where('id', '=', app.estimate_document_id)
        .executeTakeFirstOrThrow();
      data = JSON.parse(doc.content) as EstimateData;
    } else if (app.status === 'draft') {
      const member = await memberById(ctx.db, app.member_id);
      const today = jstToday(ctx.now);
      const priced = app.quote === null ? null : await quoteToday(ctx.db, JSON.parse(app.quote) as Quote, ctx.now);
      // As it would read if issued today, marked DRAFT / 下書き across every page (D-PRE-M).
      const preview = estimateData(
        { ...app, valid_until: formatDate(addDays(today, app.valid_days)) },
        member,
        formatDate(today),
        priced,
      );
      data = { ...preview, draft: true, notes: ['（下書き：発行前のプレビューです）', ...(preview.notes ?? [])] };
    } else {
      throw InputError.one(
        'estimateNumber',
        'estimate.cancelled',
        `${app.estimate_number} was cancelled before it was issued`,
        { estimateNumber: app.estimate_number },
      );
    }
    return pdfOutput(
      `${app.estimate_number}.pdf`,
      await renderEstimate(data, await sellerAsOf(ctx.db, data.issueDate)),
    );
  },
});

/** D-PRE-L: a quote priced now (the rating core, tax per R-TAX-4), monthly and for its months, before it is saved. */
const priceQuote = defineOperation({
  name: 'estimates.priceQuote',
  roles: [...READERS],
  input: quoteInput,
  audited: false,
  handler: (ctx, input) => quoteToday(ctx.db, input, ctx.now),
});

/** D-PRE-L: an issued quote becomes a prepaid estimate draft for its total, in one step. */
const toPrepaid = defineOperation({
  name: 'estimates.toPrepaid',
  roles: ['sales'],
  input: estimateRefInput,
  audited: true,
  handler: async (ctx, input) => {
    const app = await findApplication(ctx.db, input.estimateNumber);
    const member = await memberById(ctx.db, app.member_id);
    const number = await quoteToPrepaid(ctx.db, app, member, ctx.now, ctx.operator?.login ?? null);
    return estimateAsOf(ctx.db, number, ctx.now);
  },
});

export const prepaidEstimatesApp = {
  domain: 'estimates',
  operations: [draft, update, issue, cancel, get, list, pdf, priceQuote, toPrepaid],
} as const satisfies OperationApp;
