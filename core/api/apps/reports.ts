import { accountStatement, trialBalance } from '../../ledger/reports';
import { agedReceivables } from '../../payments/aging';
import { periodOf } from '../../reports/period';
import { prepaidLiability } from '../../reports/prepaid-liability';
import {
  agingTable,
  generalLedgerTable,
  prepaidLiabilityTable,
  reportCsv,
  salesTable,
  trialBalanceTable,
  type ReportTable,
} from '../../reports/report-table';
import { salesByMonth } from '../../reports/sales';
import { reportPdf } from '../../reports/table-pdf';
import { formatDate, jstToday, parseDate } from '../../time';
import { defineOperation, type OperationApp, type OperationContext } from '../operation';
import { periodInput, prepaidLiabilityInput, reportFileInput, salesInput } from '../schemas/reports';
import type { z } from 'zod';

const READERS = ['accounting', 'supervisor'] as const;

/** reports.trialBalance: each account's debits and credits posted in a period of JST dates (both included). */
const trialBalanceOperation = defineOperation({
  name: 'reports.trialBalance',
  roles: [...READERS],
  input: periodInput,
  audited: false,
  handler: async (ctx, input) => ({
    from: input.from,
    to: input.to,
    ...(await trialBalance(ctx.db, periodOf(input.from, input.to))),
  }),
});

/** reports.sales: pre-tax sales by billing month and service, less credit notes (D-REP-2). */
const sales = defineOperation({
  name: 'reports.sales',
  roles: [...READERS],
  input: salesInput,
  audited: false,
  handler: (ctx, input) => salesByMonth(ctx.db, input.fromMonth, input.toMonth),
});

/** reports.prepaidLiability: what customers hold in prepaid credit and when it expires. */
const prepaid = defineOperation({
  name: 'reports.prepaidLiability',
  roles: [...READERS],
  input: prepaidLiabilityInput,
  audited: false,
  handler: (ctx) => prepaidLiability(ctx.db),
});

async function tableOf(ctx: OperationContext, input: z.output<typeof reportFileInput>): Promise<ReportTable> {
  switch (input.report) {
    case 'trialBalance':
      return trialBalanceTable(await trialBalance(ctx.db, periodOf(input.from, input.to)), input.from, input.to);
    case 'generalLedger': {
      const p = periodOf(input.from, input.to);
      return generalLedgerTable(await accountStatement(ctx.db, input.account, p.from, p.to), input.from, input.to);
    }
    case 'sales':
      return salesTable(await salesByMonth(ctx.db, input.fromMonth, input.toMonth), input.fromMonth, input.toMonth);
    case 'prepaidLiability':
      return prepaidLiabilityTable(await prepaidLiability(ctx.db), formatDate(jstToday(ctx.now)));
    case 'aging':
      return agingTable(await agedReceivables(ctx.db, input.asOf ? parseDate(input.asOf)! : jstToday(ctx.now)));
  }
}

/** reports.file: a report as CSV or PDF (`file`), in Japanese (D-REP-1). */
const file = defineOperation({
  name: 'reports.file',
  roles: [...READERS],
  input: reportFileInput,
  audited: false,
  handler: async (ctx, input) => {
    const table = await tableOf(ctx, input);
    const today = jstToday(ctx.now);
    const bytes = input.format === 'csv' ? reportCsv(table) : await reportPdf(table, today);
    return {
      file: {
        name: `${input.report}-${formatDate(today)}.${input.format}`,
        mediaType: input.format === 'csv' ? 'text/csv; charset=UTF-8' : 'application/pdf',
        base64: bytes.toString('base64'),
      },
    };
  },
});

export const reportsApp = {
  domain: 'reports',
  operations: [trialBalanceOperation, sales, prepaid, file],
} as const satisfies OperationApp;
