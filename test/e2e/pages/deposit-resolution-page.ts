import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/**
 * Issue 14's accounting jobs on the deposits screen: a monthly bill paid by hand, a queued deposit found,
 * split over bills with the rest kept as credit (after a confirmation), refunds to pay.
 */
export class DepositResolutionPage {
  readonly reviewItems: Locator;
  readonly handPaymentNotice: Locator;
  readonly reviewNotice: Locator;
  readonly refundRows: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.reviewItems = page.locator('.review-item');
    this.handPaymentNotice = page.locator('form[aria-labelledby="confirm-deposit-title"] p.notice');
    this.reviewNotice = page.locator('section[aria-labelledby="review-title"] p.notice');
    this.refundRows = page.locator('.refund-row');
  }

  async payByHand(input: { statementNumber: string; amount: string; valueDate: string; bankReference: string }) {
    const form = this.page.locator('form[aria-labelledby="confirm-deposit-title"]');
    await form.getByLabel(say(this.words, 'depositForm.statementNumber')).fill(input.statementNumber);
    await form.getByLabel(say(this.words, 'depositForm.amount')).fill(input.amount);
    await form.getByLabel(say(this.words, 'depositForm.valueDate')).fill(input.valueDate);
    await form.getByLabel(say(this.words, 'depositForm.bankReference')).fill(input.bankReference);
    await form.getByRole('button', { name: say(this.words, 'deposits.confirmSubmit') }).click();
  }

  /** Opens the matching panel of the n-th queued deposit. */
  async openMatching(index: number): Promise<Locator> {
    const item = this.reviewItems.nth(index);
    await item.getByRole('button', { name: say(this.words, 'bank.resolveOpen') }).click();
    return item.locator('.resolve-deposit');
  }

  async search(panel: Locator, query: string): Promise<void> {
    await panel.getByLabel(say(this.words, 'bank.searchLabel')).fill(query);
  }

  foundRows(panel: Locator): Locator {
    return panel.locator('table.open-bills tbody tr');
  }

  async addBill(panel: Locator, statementNumber: string): Promise<void> {
    await panel
      .locator(`tr[data-statement="${statementNumber}"]`)
      .getByRole('button', { name: say(this.words, 'bank.add') })
      .click();
  }

  restLeft(panel: Locator): Locator {
    return panel.locator('dd[data-rest]');
  }

  async keepRestAs(panel: Locator, choice: 'credit' | 'refund'): Promise<void> {
    await panel.getByLabel(say(this.words, `bank.rest.${choice}`)).check();
  }

  /** Asks to match, and answers the confirmation; returns what the confirmation said. */
  async matchAndConfirm(panel: Locator): Promise<string> {
    await panel.getByRole('button', { name: say(this.words, 'bank.resolveSubmit') }).click();
    const dialog = panel.getByRole('alertdialog');
    const said = (await dialog.locator('p').textContent()) ?? '';
    await dialog.getByRole('button', { name: say(this.words, 'bank.resolveYes') }).click();
    return said;
  }
}
