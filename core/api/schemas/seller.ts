import { z } from 'zod';
import { calendarDate } from './common';

const text = (what: string, max: number) =>
  z.string({ error: what }).trim().min(1, `${what} is required`).max(max, `at most ${max} characters`);
const optionalText = (what: string, max: number) =>
  z.string({ error: what }).trim().max(max, `at most ${max} characters`).optional();

const bankAccount = z.strictObject({
  bankName: text('a bank name', 40),
  bankCode: z.string({ error: 'a bank code' }).regex(/^\d{4}$/, '4 digits'),
  branchName: text('a branch name', 40),
  branchCode: z.string({ error: 'a branch code' }).regex(/^\d{3}$/, '3 digits'),
  accountType: z.enum(['ordinary', 'current'], { error: 'ordinary or current' }),
  accountNumber: z.string({ error: 'an account number' }).regex(/^\d{7}$/, '7 digits'),
  accountHolderKana: text('the account holder in half-width kana', 48),
});

/** R-TAX-5: the seller an administrator sets; core/parties/seller-store.ts checks the rest (R-TAX-4). */
export const sellerProfile = z.strictObject({
  name: text('a company name', 80),
  postalCode: optionalText('a postal code', 10),
  address: text('an address', 160),
  phone: optionalText('a phone number', 20),
  email: optionalText('an e-mail address', 120),
  contactName: optionalText('a contact', 60),
  registrationNumber: optionalText('a registration number', 14),
  bankAccounts: z.array(bankAccount).max(5, 'at most 5 bank accounts'),
  /** The seal (角印) as base64 PNG; 256 KB at most (checked on the bytes). */
  sealPng: z.string({ error: 'a PNG image as base64' }).max(360_000, 'the seal image is too large').optional(),
});

export const setSellerInput = z.strictObject({ seller: sellerProfile, effectiveFrom: calendarDate });
export const sellerInput = z.strictObject({
  /** The day to show the seller of (default today, JST). */
  date: calendarDate.optional(),
});
