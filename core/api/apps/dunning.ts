import { runDaily } from '../../daily/run-daily';
import { dueDailyDays } from '../../daily/due-days';
import { jstToday, parseDate } from '../../time';
import { defineOperation, type OperationApp } from '../operation';
import { noInput } from '../schemas/common';
import { dailyInput } from '../schemas/payments';

/**
 * The daily job (R-DUN-1..7): every account's status brought to 00:00 JST of the date (default today). R-DUN-8:
 * never for a day after today; the back office's schedule runs it too (scheduled), and its audit entry names
 * the date and what changed.
 */
const daily = defineOperation({
  name: 'dunning.runDaily',
  roles: ['accounting'],
  scheduled: true,
  input: dailyInput,
  audited: true,
  handler: (ctx, input) =>
    runDaily(
      ctx.db,
      input.date ? parseDate(input.date)! : jstToday(ctx.now),
      ctx.now,
      ctx.operator?.login ?? null,
      ctx.channel,
    ),
  auditDetail: (output) => JSON.stringify(output.changes),
});

/** R-DUN-8: the last day the job ran for and the days it has missed up to today (JST). */
const dueDays = defineOperation({
  name: 'dunning.dueDays',
  roles: ['accounting', 'supervisor'],
  scheduled: true,
  input: noInput,
  audited: false,
  handler: (ctx) => dueDailyDays(ctx.db, ctx.now),
});

export const dunningApp = { domain: 'dunning', operations: [daily, dueDays] } as const satisfies OperationApp;
