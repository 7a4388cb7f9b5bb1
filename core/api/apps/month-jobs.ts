import {
  billDetail,
  listMonthStatements,
  listUsageImports,
  monthOverview,
  previewClose,
  recordDeliveries,
  withdrawUsageImport,
} from '../../close';
import { defineOperation, type OperationApp } from '../operation';
import { monthInput, statementPdfInput } from '../schemas/billing';
import { noInput } from '../schemas/common';
import {
  monthStatementsInput,
  recordDeliveriesInput,
  usageImportIdInput,
  usageImportsInput,
} from '../schemas/month-jobs';

/** What closing the month makes (bills, total, late or not): the confirmation names it before the close. */
const closePreview = defineOperation({
  name: 'billing.closePreview',
  roles: ['accounting', 'supervisor'],
  input: monthInput,
  audited: false,
  handler: (ctx, input) => previewClose(ctx.db, input.month, ctx.now),
});

/** Per month: imported, closed, statements made, printed or sent, with counts and totals. */
const overview = defineOperation({
  name: 'billing.monthOverview',
  roles: ['accounting', 'supervisor'],
  input: noInput,
  audited: false,
  handler: async (ctx) => ({ months: await monthOverview(ctx.db) }),
});

/** A closed month's statements, filtered, with when each was printed or sent. */
const statements = defineOperation({
  name: 'billing.monthStatements',
  roles: ['accounting', 'supervisor'],
  input: monthStatementsInput,
  audited: false,
  handler: async (ctx, input) => ({ statements: await listMonthStatements(ctx.db, input) }),
});

/** Records statements as printed (after the combined PDF went to the printer) or sent. */
const recordStatementDeliveries = defineOperation({
  name: 'billing.recordStatementDeliveries',
  roles: ['accounting'],
  input: recordDeliveriesInput,
  audited: true,
  handler: (ctx, input) =>
    recordDeliveries(
      ctx.db,
      input.month,
      input.statementNumbers,
      input.how,
      ctx.now.toISOString(),
      ctx.operator?.login ?? null,
    ),
});

/** The usage imports of a month (or all), newest first. */
const usageImports = defineOperation({
  name: 'usage.listImports',
  roles: ['accounting', 'supervisor'],
  input: usageImportsInput,
  audited: false,
  handler: async (ctx, input) => ({ imports: await listUsageImports(ctx.db, input.month) }),
});

/** An open month's usage import withdrawn (issue 14). */
const withdrawImport = defineOperation({
  name: 'usage.withdrawImport',
  roles: ['accounting'],
  input: usageImportIdInput,
  audited: true,
  handler: (ctx, input) => withdrawUsageImport(ctx.db, input.usageImportId),
  auditDetail: (output) => JSON.stringify({ usageImportId: output.usageImportId, month: output.month }),
});

/** One bill by its statement number, with its payments and credit notes (the bill page). */
const bill = defineOperation({
  name: 'billing.bill',
  roles: ['accounting', 'supervisor', 'sales'],
  input: statementPdfInput,
  audited: false,
  handler: (ctx, input) => billDetail(ctx.db, input.statementNumber),
});

export const monthJobsApp = {
  domain: 'billing',
  operations: [bill, closePreview, overview, statements, recordStatementDeliveries],
} as const satisfies OperationApp;

export const usageImportsApp = {
  domain: 'usage',
  operations: [usageImports, withdrawImport],
} as const satisfies OperationApp;
