import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Deposits: manual confirmation, bank file import (dry run, then import and report), review queue, held. */
export class DepositsPage {
  readonly heading: Locator;
  readonly confirmation: Locator;
  readonly dryRun: Locator;
  readonly report: Locator;
  readonly reviewItems: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'deposits.title'), level: 1 });
    this.confirmation = page.locator('form[aria-labelledby="confirm-deposit-title"] p.notice');
    this.dryRun = page.locator('.import-summary').first();
    this.report = page.locator('.import-summary').last();
    this.reviewItems = page.locator('.review-item');
  }

  async confirmDeposit(input: {
    statementNumber: string;
    amount: string;
    valueDate: string;
    bankReference: string;
  }): Promise<void> {
    await this.page.getByLabel(say(this.words, 'depositForm.statementNumber')).fill(input.statementNumber);
    await this.page.getByLabel(say(this.words, 'depositForm.amount')).fill(input.amount);
    await this.page.getByLabel(say(this.words, 'depositForm.valueDate')).fill(input.valueDate);
    await this.page.getByLabel(say(this.words, 'depositForm.bankReference')).fill(input.bankReference);
    await this.page.getByRole('button', { name: say(this.words, 'deposits.confirmSubmit') }).click();
  }

  /** Picks a bank file with the file chooser, as a person clicking "Choose a file" would. */
  async pickBankFile(name: string, content: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: say(this.words, 'bank.pick') }).click();
    await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: content });
  }

  async importNow(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'bank.importNow') }).click();
  }

  summaryRow(outcome: string): Locator {
    return this.page.locator(`.import-summary tr[data-outcome="${outcome}"]`);
  }

  /** Asks to dismiss a deposit with a reason: the confirmation naming it appears (nothing is dismissed yet). */
  async askToDismiss(depositIndex: number, reason: string): Promise<Locator> {
    const item = this.reviewItems.nth(depositIndex);
    await item.getByPlaceholder(say(this.words, 'deposits.reason')).fill(reason);
    await item.getByRole('button', { name: say(this.words, 'bank.dismiss'), exact: true }).click();
    const confirm = item.getByRole('alertdialog');
    await confirm.waitFor();
    return confirm;
  }

  async confirmReview(depositIndex: number, statementNumber: string): Promise<void> {
    const item = this.reviewItems.nth(depositIndex);
    await item.locator('input.mono').fill(statementNumber);
    await item.getByRole('button', { name: say(this.words, 'bank.confirm') }).click();
  }
}
