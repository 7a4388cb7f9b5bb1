import type { Output } from '../../api/client';

type SellerProfile = Output<'seller.get'>['seller'];

/** The seller form's fields, as typed (one bank account on the form; the catalog takes up to five). */
export const SELLER_FIELDS = [
  'name',
  'postalCode',
  'address',
  'phone',
  'email',
  'contactName',
  'registrationNumber',
  'bankName',
  'bankCode',
  'branchName',
  'branchCode',
  'accountType',
  'accountNumber',
  'accountHolderKana',
  'effectiveFrom',
] as const;
export type SellerField = (typeof SELLER_FIELDS)[number];
export type SellerDraft = Record<SellerField, string>;

export function emptySellerDraft(today: string): SellerDraft {
  const draft = Object.fromEntries(SELLER_FIELDS.map((f) => [f, ''])) as SellerDraft;
  return { ...draft, accountType: 'ordinary', effectiveFrom: today };
}

/** A stored seller back into the form, to change it from a later date. */
export function draftOfSeller(s: SellerProfile, today: string): SellerDraft {
  const b = s.bankAccounts[0];
  return {
    ...emptySellerDraft(today),
    name: s.name,
    postalCode: s.postalCode ?? '',
    address: s.address,
    phone: s.phone ?? '',
    email: s.email ?? '',
    contactName: s.contactName ?? '',
    registrationNumber: s.registrationNumber ?? '',
    ...(b
      ? {
          bankName: b.bankName,
          bankCode: b.bankCode,
          branchName: b.branchName,
          branchCode: b.branchCode,
          accountType: b.accountType,
          accountNumber: b.accountNumber,
          accountHolderKana: b.accountHolderKana,
        }
      : {}),
  };
}

/** The input of seller.set: empty optional fields left out, the bank account only when a bank is named. */
export function sellerInputOf(d: SellerDraft, sealPng: string | null): Record<string, unknown> {
  const optional = (key: SellerField) => (d[key].trim() === '' ? {} : { [key]: d[key].trim() });
  const bank = ['bankName', 'bankCode', 'branchName', 'branchCode', 'accountNumber', 'accountHolderKana'].some(
    (k) => d[k as SellerField].trim() !== '',
  );
  return {
    effectiveFrom: d.effectiveFrom.trim(),
    seller: {
      name: d.name,
      address: d.address,
      ...optional('postalCode'),
      ...optional('phone'),
      ...optional('email'),
      ...optional('contactName'),
      ...optional('registrationNumber'),
      bankAccounts: bank
        ? [
            {
              bankName: d.bankName,
              bankCode: d.bankCode.trim(),
              branchName: d.branchName,
              branchCode: d.branchCode.trim(),
              accountType: d.accountType,
              accountNumber: d.accountNumber.trim(),
              accountHolderKana: d.accountHolderKana.trim(),
            },
          ]
        : [],
      ...(sealPng ? { sealPng } : {}),
    },
  };
}
