import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** One bill: its amounts, payments and credit notes; a credit note issued on it after a confirmation. */
export class BillPage {
  readonly heading: Locator;
  readonly creditNotes: Locator;
  readonly said: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
    readonly statementNumber: string,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'bill.title', { number: statementNumber }), level: 1 });
    this.creditNotes = page.locator('table.credit-notes tbody tr');
    this.said = page.locator('form[aria-labelledby="credit-note-title"] p.notice');
  }

  /** Issues a credit note (amount before tax, reason), confirming what the confirmation names; returns its text. */
  async issueCreditNote(amount: string, reason: string): Promise<string> {
    await this.page.getByLabel(say(this.words, 'creditNoteForm.amount')).fill(amount);
    await this.page.getByLabel(say(this.words, 'creditNoteForm.reason')).fill(reason);
    await this.page.getByRole('button', { name: say(this.words, 'bill.issueCreditNote'), exact: true }).click();
    const confirm = this.page.getByRole('alertdialog');
    await confirm.waitFor();
    const text = (await confirm.textContent()) ?? '';
    await confirm.getByRole('button', { name: say(this.words, 'bill.confirmCreditNote') }).click();
    return text;
  }
}
