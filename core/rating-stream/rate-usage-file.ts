import { InputError } from '../errors';
import { UsageRating, type AccountBill, type BillHead, type PlanTable, type RateOptions } from '../rating';
import { walkUsageFile } from './usage-file-reader';

/** Where the bills go as they are made; `discard` forgets those given so far (the file is read again). */
export interface AccountBillSink {
  add(bill: AccountBill): void;
  discard(): void;
}

/**
 * Rates a usage file read from disk one account at a time (walkUsageFile), giving each account's bill to
 * `sink` as soon as it is made, and returns the bill's head. The bills, the problems and their order are
 * rateUsage's on the parsed file: rateUsage(JSON.parse(file)) and this give the same bytes. Throws InputError
 * as rateUsage does (the sink may have had bills by then: they are not a bill, the caller drops them).
 *
 * The settings must be known before the first account is rated. They are when the fields other than
 * `accounts` come first, as the platform writes them. Where one of them comes after the accounts, or
 * `accounts` is given twice (JSON.parse keeps the last), the first reading only gathers the settings and
 * checks the syntax, and a second one rates the accounts that JSON.parse would keep.
 */
export function rateUsageFile(
  file: string,
  defaultPlans: PlanTable,
  sink: AccountBillSink,
  options: RateOptions & { chunkBytes?: number } = {},
): BillHead {
  const first = readOnce(file, defaultPlans, sink, options);
  if (!first.settingsAfterAccounts && first.accountsFields <= 1) return first.rating.finish();
  sink.discard();
  return readOnce(file, defaultPlans, sink, options, first).rating.finish();
}

interface Reading {
  rating: UsageRating;
  /** Every top-level field but `accounts`, the last of each name kept (as JSON.parse keeps it). */
  head: Record<string, unknown>;
  /** How many `accounts` fields the file has. */
  accountsFields: number;
  /** A field other than `accounts` comes after the first `accounts`. */
  settingsAfterAccounts: boolean;
}

/**
 * One reading of the file. The first (`again` undefined) rates the first `accounts` field with the settings
 * given before it; a second one, with every setting known from the first, rates the last `accounts` field.
 */
function readOnce(
  file: string,
  defaultPlans: PlanTable,
  sink: AccountBillSink,
  options: RateOptions & { chunkBytes?: number },
  again?: Reading,
): Reading {
  const head: Record<string, unknown> = {};
  let rating = again && new UsageRating(again.head, defaultPlans, options);
  let accountsFields = 0;
  let settingsAfterAccounts = false;
  let ratingAccounts = false;
  let isObject = true;
  /** Counts an `accounts` field; true when it is the one whose accounts are rated. */
  const accountsField = (): boolean => {
    accountsFields++;
    if (!again && accountsFields === 1) rating = new UsageRating(head, defaultPlans, options);
    return accountsFields === (again ? again.accountsFields : 1);
  };
  walkUsageFile(
    file,
    {
      field(key, value) {
        if (key === 'accounts') {
          if (accountsField()) rating!.problem('accounts', 'value.not_list', 'not a list of accounts');
          return;
        }
        if (accountsFields > 0) settingsAfterAccounts = true;
        // As JSON.parse does: a field named __proto__ is a field, not the object's prototype.
        Object.defineProperty(head, key, { value, enumerable: true, writable: true, configurable: true });
      },
      startAccounts() {
        ratingAccounts = accountsField() && rating!.startAccounts();
      },
      account(value) {
        if (!ratingAccounts) return;
        const bill = rating!.account(value);
        if (bill) sink.add(bill);
      },
      endAccounts() {
        ratingAccounts = false;
      },
      notAnObject() {
        isObject = false;
      },
    },
    options.chunkBytes,
  );
  if (!isObject) throw InputError.one('$', 'value.not_object', 'not a usage object');
  if (!rating) {
    rating = new UsageRating(head, defaultPlans, options);
    rating.problem('accounts', 'value.not_list', 'not a list of accounts');
  }
  return { rating, head, accountsFields, settingsAfterAccounts };
}
