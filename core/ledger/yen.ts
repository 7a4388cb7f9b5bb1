import { Dec } from '../money';

/**
 * Integer yen between the database and decimal.js. SQLite hands integers back as JS numbers (PostgreSQL's
 * bigint sums as strings): they are converted here, before any arithmetic, and refused past 2^53 where a
 * number would no longer be exact.
 */
export function yenFromDb(value: number | bigint | string | null): Dec {
  if (value === null) return new Dec(0);
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    throw new Error(`not an exact integer yen amount: ${value}`);
  return new Dec(typeof value === 'number' ? value : value.toString());
}

export function yenToDb(amount: Dec): number {
  if (!amount.isInteger()) throw new Error(`not whole yen: ${amount.toFixed()}`);
  const n = amount.toNumber();
  if (!Number.isSafeInteger(n)) throw new Error(`amount too large to store exactly: ${amount.toFixed()}`);
  return n;
}

/**
 * A whole-yen amount written as digits ("12345", "-440"; a bank file's amounts, the matcher's fees) as stored,
 * without making a decimal.js value for each of a bank import's 300,000; any other spelling goes through yenToDb.
 */
export function yenTextToDb(text: string): number {
  if (!/^-?[0-9]+$/.test(text)) return yenToDb(new Dec(text));
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`amount too large to store exactly: ${text}`);
  return n;
}
