import type { Locator, Page } from 'playwright-core';
import { errorOf } from './first-run-page';
import { say, type Messages } from './words';

/** The seller's fields (R-TAX-5), on the seller screen and the first run alike. */
export interface SellerEntry {
  name: string;
  address: string;
  registrationNumber?: string;
  bankName?: string;
  bankCode?: string;
  branchName?: string;
  branchCode?: string;
  accountNumber?: string;
  accountHolderKana?: string;
}

/** Fills the seller's fields on whichever screen shows them. */
export async function fillSeller(page: Page, words: Messages, s: SellerEntry): Promise<void> {
  const field = (key: Parameters<typeof say>[1]) => page.getByLabel(say(words, key), { exact: true });
  await field('sellerForm.name').fill(s.name);
  await field('sellerForm.address').fill(s.address);
  const optional: [Parameters<typeof say>[1], string | undefined][] = [
    ['sellerForm.registrationNumber', s.registrationNumber],
    ['sellerForm.bankName', s.bankName],
    ['sellerForm.bankCode', s.bankCode],
    ['sellerForm.branchName', s.branchName],
    ['sellerForm.branchCode', s.branchCode],
    ['sellerForm.accountNumber', s.accountNumber],
    ['sellerForm.accountHolderKana', s.accountHolderKana],
  ];
  for (const [key, value] of optional) if (value !== undefined) await field(key).fill(value);
}

/** 販売者情報: the seller as set today, its history, and the administrator's form. */
export class SellerPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly registrationNumber: Locator;
  readonly registration: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'seller.title'), level: 1 });
    this.notice = page.locator('p.notice[role="status"]');
    this.registrationNumber = page.getByLabel(say(words, 'sellerForm.registrationNumber'), { exact: true });
    this.registration = page.getByTestId('seller-registration');
  }

  async save(s: SellerEntry): Promise<void> {
    await fillSeller(this.page, this.words, s);
    await this.page.getByRole('button', { name: say(this.words, 'sellerForm.submit') }).click();
  }

  errorUnder(field: Locator): Locator {
    return errorOf(this.page, field);
  }
}
