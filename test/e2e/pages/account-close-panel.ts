import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** R-PRE-11 on the member page: accounting closes one of the member's cloud accounts, after a confirmation. */
export class AccountClosePanel {
  readonly panel: Locator;
  readonly notice: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.panel = page.locator('section[aria-labelledby="account-close-title"]');
    this.notice = this.panel.locator('p.notice');
  }

  /** Asks to close `code` for `reason`; returns what the confirmation says, then confirms. */
  async close(code: string, reason: string): Promise<string> {
    await this.panel.getByLabel(say(this.words, 'accountClose.account')).selectOption(code);
    await this.panel.getByLabel(say(this.words, 'accountClose.reason')).fill(reason);
    await this.panel.getByRole('button', { name: say(this.words, 'accountClose.submit') }).click();
    const dialog = this.panel.getByRole('alertdialog');
    const said = (await dialog.locator('p').textContent()) ?? '';
    await dialog.getByRole('button', { name: say(this.words, 'accountClose.yes') }).click();
    return said;
  }
}
