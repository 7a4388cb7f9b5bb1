import { Dec } from '../../money';
import {
  confirmMatch,
  dismiss,
  importBankFile,
  importReport,
  markUnknown,
  rematch,
  reviewQueue,
} from '../../reconcile';
import { defineOperation, type OperationApp, type OperationContext } from '../operation';
import {
  bankImportInput,
  confirmMatchInput,
  dismissDepositInput,
  importReportInput,
  openBillsInput,
  payRefundInput,
  refundsInput,
  rematchInput,
  resolveDepositInput,
  reviewQueueInput,
} from '../schemas/banking';
import { resolveDeposit, searchOpenBills } from '../../reconcile/resolve';
import { listRefunds, payOutRefund } from '../../reconcile/suspense';
import { jstToday, parseDate } from '../../time';

const actor = (ctx: OperationContext) => ({ now: ctx.now, by: ctx.operator?.login ?? null });
const tolerance = (value: string | undefined) => (value === undefined ? undefined : new Dec(value));

/** R-RECON-1..3: a bank file imported, its deposits matched and settled; all or nothing. */
const importFile = defineOperation({
  name: 'bank.import',
  roles: ['accounting'],
  input: bankImportInput,
  audited: true,
  handler: (ctx, input) =>
    importBankFile(
      ctx.db,
      {
        fileName: input.fileName,
        bytes: Buffer.from(input.contentBase64, 'base64'),
        dryRun: input.dryRun,
        feeTolerance: tolerance(input.feeTolerance),
      },
      actor(ctx),
    ),
});

/** R-RECON-4: deposits awaiting a decision. */
const queue = defineOperation({
  name: 'bank.reviewQueue',
  roles: ['accounting', 'supervisor'],
  input: reviewQueueInput,
  audited: false,
  handler: (ctx, input) => reviewQueue(ctx.db, input.state),
});

const confirm = defineOperation({
  name: 'bank.confirmMatch',
  roles: ['accounting'],
  input: confirmMatchInput,
  audited: true,
  handler: (ctx, input) =>
    confirmMatch(
      ctx.db,
      {
        depositId: input.depositId,
        statementNumber: input.target,
        feeTolerance: tolerance(input.feeTolerance),
        note: input.note,
      },
      actor(ctx),
    ),
});

const rematchOperation = defineOperation({
  name: 'bank.rematch',
  roles: ['accounting'],
  input: rematchInput,
  audited: true,
  handler: (ctx, input) =>
    rematch(ctx.db, { depositId: input.depositId, feeTolerance: tolerance(input.feeTolerance) }, actor(ctx)),
});

const dismissOperation = defineOperation({
  name: 'bank.dismiss',
  roles: ['accounting'],
  input: dismissDepositInput,
  audited: true,
  handler: (ctx, input) => dismiss(ctx.db, input, actor(ctx)),
});

const markUnknownOperation = defineOperation({
  name: 'bank.markUnknown',
  roles: ['accounting'],
  input: dismissDepositInput,
  audited: true,
  handler: (ctx, input) => markUnknown(ctx.db, input, actor(ctx)),
});

/** R-RECON-5: one import's records and what became of them. */
const report = defineOperation({
  name: 'bank.importReport',
  roles: ['accounting', 'supervisor'],
  input: importReportInput,
  audited: false,
  handler: (ctx, input) => importReport(ctx.db, input),
});

/** Issue 14: open statements and bills found by payer, name, amount or number, to match a deposit by hand. */
const openBills = defineOperation({
  name: 'bank.openBills',
  roles: ['accounting', 'supervisor'],
  input: openBillsInput,
  audited: false,
  handler: (ctx, input) => searchOpenBills(ctx.db, input.query),
});

/** Issue 14, R-ACC-1: a queued deposit split over bills; the rest kept as the member's credit or refunded. */
const resolve = defineOperation({
  name: 'bank.resolveDeposit',
  roles: ['accounting'],
  input: resolveDepositInput,
  audited: true,
  handler: (ctx, input) => resolveDeposit(ctx.db, input, actor(ctx)),
});

/** R-ACC-1: money owed back to payers (refunds_payable), and what was paid out. */
const refunds = defineOperation({
  name: 'bank.refunds',
  roles: ['accounting', 'supervisor'],
  input: refundsInput,
  audited: false,
  handler: (ctx, input) => listRefunds(ctx.db, input.status),
});

const payRefund = defineOperation({
  name: 'bank.payRefund',
  roles: ['accounting'],
  input: payRefundInput,
  audited: true,
  handler: (ctx, input) =>
    payOutRefund(ctx.db, input.refundId, input.paidOn ? parseDate(input.paidOn)! : jstToday(ctx.now), actor(ctx)),
});

export const bankingApp = {
  domain: 'bank',
  operations: [
    importFile,
    queue,
    confirm,
    rematchOperation,
    dismissOperation,
    markUnknownOperation,
    report,
    openBills,
    resolve,
    refunds,
    payRefund,
  ],
} as const satisfies OperationApp;
