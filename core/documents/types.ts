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

/** The issuer printed on every document (the seller block and the qualified-invoice registration number). */
export interface SellerProfile {
  name: string;
  postalCode: string;
  address: string;
  phone: string;
  email?: string;
  /** 適格請求書発行事業者登録番号: "T" and 13 digits (R-TAX-3). */
  registrationNumber: string;
  /** Where customers pay billing statements. */
  bankAccount: BankAccount;
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
