import { closeMonth, creditNotePdf, importUsage, issueCreditNote, statementPdf, statementVolume } from '../../close';
import { Dec } from '../../money';
import { defineOperation, type OperationApp } from '../operation';
import {
  accountBillsInput,
  closeMonthInput,
  creditNoteInput,
  creditNotePdfInput,
  importUsageInput,
  monthInput,
  monthStatementsPdfInput,
  statementPdfInput,
} from '../schemas/billing';
import { findCloudAccount } from '../../parties';
import type { LedgerDb } from '../../ledger/open-database';
import { yenFromDb } from '../../ledger/yen';
import { paidState, settledByBill } from '../../payments/settled';
import { pdfOutput } from '../file-output';

/**
 * usage.import: stores a month's usage file (idempotent per content; refused for a closed month). An account
 * whose month is already in another import is refused, naming it, unless `replace` withdraws that import.
 */
const importUsageOperation = defineOperation({
  name: 'usage.import',
  roles: ['accounting'],
  input: importUsageInput,
  audited: true,
  handler: (ctx, input) =>
    importUsage(ctx.db, input.content, ctx.now.toISOString(), ctx.operator?.login ?? null, {
      replace: input.replace,
    }),
});

/**
 * billing.closeMonth: the month close in the catalog's one transaction (all bills or none), or with
 * `maxAccounts` one step of it, the caller calling again until `finished` and showing done / bills (the
 * screen and the CLI's close-month do). Each call is audited once, by the catalog.
 */
const closeMonthOperation = defineOperation({
  name: 'billing.closeMonth',
  roles: ['accounting'],
  input: closeMonthInput,
  audited: true,
  handler: (ctx, input) =>
    closeMonth(ctx.db, {
      month: input.month,
      now: ctx.now,
      by: ctx.operator?.login ?? null,
      maxAccounts: input.maxAccounts,
    }),
});

/** Bills with their statement, as the bill lists show them; `where` picks which. */
async function billRows(db: LedgerDb, where: { month: string } | { cloudAccountId: number }) {
  const rows = await db
    .selectFrom('bills')
    .innerJoin('cloud_accounts', 'cloud_accounts.id', 'bills.cloud_account_id')
    .innerJoin('members', 'members.id', 'cloud_accounts.member_id')
    .leftJoin('documents', (j) => j.onRef('documents.bill_id', '=', 'bills.id').on('documents.kind', '=', 'statement'))
    .select([
      'bills.id',
      'bills.month',
      'cloud_accounts.code',
      'members.member_number',
      'members.name',
      'members.name_kana',
      'bills.status',
      'bills.payment_method',
      'bills.subtotal',
      'bills.tax',
      'bills.total',
      'bills.prepaid_applied',
      'bills.amount_due',
      'documents.number',
      'documents.issued_at',
      'documents.due_date',
    ])
    .where((eb) =>
      'month' in where ? eb('bills.month', '=', where.month) : eb('bills.cloud_account_id', '=', where.cloudAccountId),
    )
    .orderBy('cloud_accounts.code')
    .orderBy('bills.month', 'desc')
    .execute();
  const settled = await settledByBill(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    billId: r.id,
    month: r.month,
    account: r.code,
    memberNumber: r.member_number,
    memberName: r.name,
    memberKana: r.name_kana,
    /** What is still owed after payments and credit notes, and whether that makes it paid. */
    outstanding: Dec.max(yenFromDb(r.amount_due).minus(settled.get(r.id) ?? 0), 0).toFixed(),
    paid: paidState(yenFromDb(r.amount_due), settled.get(r.id) ?? new Dec(0)),
    status: r.status,
    paymentMethod: r.payment_method,
    subtotal: String(r.subtotal),
    tax: String(r.tax),
    total: String(r.total),
    prepaidApplied: String(r.prepaid_applied),
    amountDue: String(r.amount_due),
    statementNumber: r.number,
    issuedOn: r.issued_at,
    dueOn: r.due_date,
  }));
}

/** A closed month's bills, by account. */
const listBills = defineOperation({
  name: 'billing.listBills',
  roles: ['accounting', 'supervisor'],
  input: monthInput,
  audited: false,
  handler: (ctx, input) => billRows(ctx.db, { month: input.month }),
});

/** One cloud account's bills, newest month first (the member's page). */
const accountBills = defineOperation({
  name: 'billing.accountBills',
  roles: ['sales', 'accounting', 'supervisor'],
  input: accountBillsInput,
  audited: false,
  handler: async (ctx, input) => {
    const account = await findCloudAccount(ctx.db, input.account, 'account');
    return billRows(ctx.db, { cloudAccountId: account.id });
  },
});

/** One statement PDF for the UI (`file`: previewed in a browser, saved by Electron), as archived (D-ARCH-1). */
const statementPdfOperation = defineOperation({
  name: 'billing.statementPdf',
  roles: ['accounting', 'supervisor'],
  input: statementPdfInput,
  audited: false,
  handler: async (ctx, input) => ({
    statementNumber: input.statementNumber,
    ...pdfOutput(`${input.statementNumber}.pdf`, await statementPdf(ctx.db, input.statementNumber, ctx.now)),
  }),
});

/**
 * A closed month's statements in one PDF for printing (a volume of at most 1,000): the same PDF as the
 * `statements` command's statements-YYYY-MM.pdf. Printing it again issues nothing; its statements are archived
 * first if they never left (D-ARCH-1).
 */
const monthStatementsPdf = defineOperation({
  name: 'billing.monthStatementsPdf',
  roles: ['accounting', 'supervisor'],
  input: monthStatementsPdfInput,
  audited: false,
  handler: async (ctx, input) => {
    const { pdf, name, ...volume } = await statementVolume(
      ctx.db,
      input.month,
      ctx.now,
      input.volume,
      input.statementNumbers,
    );
    return { ...volume, ...pdfOutput(name, pdf) };
  },
});

/** A closed bill is corrected by a credit note in the current month, never edited. */
const creditNote = defineOperation({
  name: 'billing.issueCreditNote',
  roles: ['accounting'],
  input: creditNoteInput,
  audited: true,
  handler: (ctx, input) =>
    issueCreditNote(
      ctx.db,
      { billId: input.billId, statementNumber: input.statementNumber },
      new Dec(input.amount),
      input.reason,
      ctx.now,
      ctx.operator?.login ?? null,
    ),
});

/** A credit note's PDF (適格返還請求書, R-TAX-4), as issued. */
const creditNotePdfOperation = defineOperation({
  name: 'billing.creditNotePdf',
  roles: ['accounting', 'supervisor'],
  input: creditNotePdfInput,
  audited: false,
  handler: async (ctx, input) => ({
    creditNoteNumber: input.creditNoteNumber,
    ...pdfOutput(`${input.creditNoteNumber}.pdf`, await creditNotePdf(ctx.db, input.creditNoteNumber)),
  }),
});

export const usageApp = { domain: 'usage', operations: [importUsageOperation] } as const satisfies OperationApp;
export const billingApp = {
  domain: 'billing',
  operations: [
    closeMonthOperation,
    listBills,
    accountBills,
    statementPdfOperation,
    monthStatementsPdf,
    creditNote,
    creditNotePdfOperation,
  ],
} as const satisfies OperationApp;
