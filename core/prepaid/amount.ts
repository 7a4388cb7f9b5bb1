import { Dec } from '../money';

const SMALL_AMOUNTS = [new Dec(10_000), new Dec(30_000)];
const OPEN_FROM = new Dec(50_000);

/** R-PRE-1: 10,000 or 30,000 yen, or any whole-yen amount of 50,000 or more. Null when allowed, else why not. */
export function prepaidAmountProblem(
  amount: Dec,
): { code: 'amount.not_yen' | 'prepaid.amount_not_allowed'; message: string } | null {
  if (!amount.isInteger() || amount.isNegative())
    return { code: 'amount.not_yen', message: 'not a whole number of yen' };
  if (SMALL_AMOUNTS.some((a) => a.equals(amount)) || amount.greaterThanOrEqualTo(OPEN_FROM)) return null;
  return {
    code: 'prepaid.amount_not_allowed',
    message: 'a prepaid amount is 10,000 or 30,000 yen, or any whole-yen amount of 50,000 or more (R-PRE-1)',
  };
}
