import type { Dec } from '../money';

/** A money input: a core/money Dec or a decimal string such as "110000" (never a JavaScript number). */
export type MoneyInput = Dec | string;

/** 普通 (ordinary) or 当座 (current) deposit account. */
export type BankAccountType = 'ordinary' | 'current';

export interface BankAccount {
  bankName: string;
  /** Four-digit Zengin bank code. */
  bankCode: string;
  branchName: string;
  /** Three-digit branch code. */
  branchCode: string;
  accountType: BankAccountType;
  /** Seven digits. */
  accountNumber: string;
  /** The account holder as the bank knows it, in half-width kana (e.g. "ｶ)ｱｵｿﾞﾗｸﾗｳﾄﾞ"). */
  accountHolderKana: string;
}

/**
 * The issuer printed on every document (the seller block and the qualified-invoice registration number), as the
 * administrator set it for the document's issue date (R-TAX-5, core/parties/seller-store.ts).
 */
export interface SellerProfile {
  name: string;
  /** Printed when given. */
  postalCode?: string;
  address: string;
  /** Printed when given. */
  phone?: string;
  email?: string;
  /** The person or desk customers contact (経理部 請求担当), printed under the address. */
  contactName?: string;
  /**
   * 適格請求書発行事業者登録番号: "T" and 13 digits, the first the check digit of the other twelve (R-TAX-4).
   * Absent: the seller is not registered, and no document of theirs is a qualified invoice.
   */
  registrationNumber?: string;
  /** Where customers pay billing statements, in the order printed. */
  bankAccounts: BankAccount[];
  /** The company seal (角印) as a base64 PNG, placed over the seller block. */
  sealPng?: string;
}

/** Who a document is for: a corporation gets 御中, an individual 様 (R-PARTY-1). */
export interface Addressee {
  kind: 'corporation' | 'individual';
  name: string;
  postalCode?: string;
  address?: string;
  department?: string;
  /** A named person at a corporation: the document then reads "部署 氏名 様" under the company name. */
  contactName?: string;
}

/** A priced line of an estimate or a prepaid billing statement. */
export interface LineItemInput {
  name: string;
  quantity: MoneyInput;
  /** e.g. 式, 個, 口 */
  unit?: string;
  unitPrice: MoneyInput;
  /** Whole yen, before tax. */
  amount: MoneyInput;
  /** The consumption tax rate ("0.10"), or null for a line outside the tax (対象外). */
  taxRate: MoneyInput | null;
}

/** The taxable total and the tax of one rate, as computed by the module that owns the amount. */
export interface TaxSummaryInput {
  /** "0.10", or null for the amount outside the tax (対象外). */
  rate: MoneyInput | null;
  taxable: MoneyInput;
  tax: MoneyInput;
}
