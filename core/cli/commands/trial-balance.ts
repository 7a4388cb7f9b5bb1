import { AS_OPTION_HELP } from '../call-operation';
import { DB_OPTION_HELP } from '../db-path';
import { EXIT_FAILED, EXIT_OK } from '../io';
import { operationCommand } from '../operation-command';

export const trialBalanceCommand = operationCommand({
  name: 'trial-balance',
  summary: "print every ledger account's debit, credit and balance, and whether the ledger balances",
  usage: [
    'Usage: backoffice trial-balance --as LOGIN [--db FILE]',
    '',
    'Runs ledger.trialBalance as LOGIN (accounting or supervisor).',
    'Exit 0 when debits equal credits, 1 when they do not.',
    AS_OPTION_HELP,
    DB_OPTION_HELP,
  ].join('\n'),
  operation: 'ledger.trialBalance',
  input: () => ({}),
  onOutput: (tb) => (tb.balanced ? EXIT_OK : EXIT_FAILED),
});
