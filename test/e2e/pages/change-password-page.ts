import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Every operator's own password change (forced after an admin's reset). */
export class ChangePasswordPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly current: Locator;
  readonly next: Locator;
  readonly again: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'password.title'), level: 1 });
    this.notice = page.locator('main .notice');
    this.current = page.getByLabel(say(words, 'password.current'), { exact: true });
    this.next = page.getByLabel(say(words, 'password.new'), { exact: true });
    this.again = page.getByLabel(say(words, 'password.confirm'), { exact: true });
  }

  errorUnder(field: Locator): Locator {
    return field.locator('xpath=following-sibling::p[contains(@class, "field__error")]');
  }

  /** Types the current password and the new one twice, and sends them. */
  async change(current: string, next: string, again = next): Promise<void> {
    await this.current.fill(current);
    await this.next.fill(next);
    await this.again.fill(again);
    await this.page.getByRole('button', { name: say(this.words, 'password.submit') }).click();
  }
}
