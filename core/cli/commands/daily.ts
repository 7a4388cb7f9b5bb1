import { AS_OPTION_HELP } from '../call-operation';
import { DB_OPTION_HELP } from '../db-path';
import { operationCommand } from '../operation-command';

export const dailyCommand = operationCommand({
  name: 'daily',
  summary:
    "the daily job: every account's non-payment status brought to 00:00 JST of the date, platform commands queued",
  usage: [
    'Usage: backoffice daily [--date YYYY-MM-DD] --as LOGIN [--db FILE]',
    '',
    'Runs dunning.runDaily (R-DUN-1..7) for the date (default today, JST) as the accounting operator LOGIN.',
    'Run twice for a date it changes nothing; run once for a later date it catches up on the days between.',
    'The date is today or an earlier day, never a later one (R-DUN-8); the app and `serve` run the job by',
    'themselves at start and at 00:00 JST.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  operation: 'dunning.runDaily',
  options: ['date'],
  input: ({ date }) => (date ? { date } : {}),
});
