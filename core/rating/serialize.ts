import type { Bill } from './types';

/**
 * The bill as the contract prints it: 2-space JSON, keys in the contract's order (the Bill objects are built
 * in that order), one final newline. The same bill always gives the same bytes.
 */
export function billToJson(bill: Bill): string {
  return `${JSON.stringify(bill, null, 2)}\n`;
}
