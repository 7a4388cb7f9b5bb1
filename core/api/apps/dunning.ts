import { runDaily } from '../../daily/run-daily';
import { jstToday, parseDate } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { dailyInput } from '../schemas/payments';

/** The daily job (R-DUN-1..7): every account's status brought to 00:00 JST of the date (default today). */
const daily = defineOperation({
  name: 'dunning.runDaily',
  roles: ['accounting'],
  input: dailyInput,
  audited: true,
  handler: (ctx, input) =>
    runDaily(ctx.db, input.date ? parseDate(input.date)! : jstToday(ctx.now), ctx.now, ctx.operator?.login ?? null),
});

export const dunningApp = { domain: 'dunning', operations: [daily] } as const satisfies OperationApp;
