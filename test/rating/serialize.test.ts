import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  accountBillJson,
  billHeadJson,
  billTailJson,
  billToJson,
  defaultCatalog,
  rateUsage,
  type Bill,
} from '../../core/rating';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../shared/examples/rating');

/** The bill written one account at a time, as the command line writes it. */
function inPieces(bill: Bill): string {
  const { accounts, ...head } = bill;
  return billHeadJson(head) + accounts.map((a, i) => accountBillJson(a, i)).join('') + billTailJson(accounts.length);
}

describe('the bill written in pieces (billHeadJson, accountBillJson, billTailJson)', () => {
  const bills = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith('.usage.json'))
    .flatMap((f) => {
      try {
        return [rateUsage(JSON.parse(readFileSync(path.join(EXAMPLES, f), 'utf8')), defaultCatalog())];
      } catch {
        return [];
      }
    });

  it('gives billToJson’s bytes for every shared example, for no account, and for several', () => {
    expect(bills.length).toBeGreaterThanOrEqual(6);
    for (const bill of bills) expect(inPieces(bill)).toBe(billToJson(bill));
    const none = { ...bills[0]!, accounts: [] };
    expect(inPieces(none)).toBe(billToJson(none));
    const several = { ...bills[0]!, accounts: bills.flatMap((b) => b.accounts) };
    expect(inPieces(several)).toBe(billToJson(several));
  });
});
