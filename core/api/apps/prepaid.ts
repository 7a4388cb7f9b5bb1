import type { OperationApp } from '../operation';
import { prepaidDepositsApp } from './prepaid-deposits';
import { prepaidEstimatesApp } from './prepaid-estimates';
import { prepaidIdsApp } from './prepaid-ids';

/** Issue 4, prepaid end to end: estimates, deposits for prepaid statements, prepaid IDs. */
export const prepaidApps = [
  prepaidEstimatesApp,
  prepaidDepositsApp,
  prepaidIdsApp,
] as const satisfies readonly OperationApp[];
