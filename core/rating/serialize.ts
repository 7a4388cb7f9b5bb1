import type { AccountBill, Bill, BillHead } from './types';

/**
 * The bill as the contract prints it: 2-space JSON, keys in the contract's order (the Bill objects are built
 * in that order), one final newline. The same bill always gives the same bytes.
 */
export function billToJson(bill: Bill): string {
  return `${JSON.stringify(bill, null, 2)}\n`;
}

/**
 * billToJson's bytes in pieces, for a bill written one account at a time: `billHeadJson(head)`, then
 * `accountBillJson(account, i)` for each account in order, then `billTailJson(count)`.
 */
export function billHeadJson(head: BillHead): string {
  const empty = JSON.stringify({ ...head, accounts: [] }, null, 2);
  return empty.slice(0, empty.lastIndexOf('[') + 1);
}

/** One account of the bill's `accounts` list, `index` its place in the list (from 0). */
export function accountBillJson(account: AccountBill, index: number): string {
  // JSON.stringify writes a newline inside a string as \n: every newline of its output is between tokens.
  return `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(account, null, 2).replaceAll('\n', '\n    ')}`;
}

export function billTailJson(accounts: number): string {
  return accounts === 0 ? ']\n}\n' : '\n  ]\n}\n';
}
