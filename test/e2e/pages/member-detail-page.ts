import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

export class MemberDetailPage {
  readonly heading: Locator;
  readonly accounts: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.locator('#member-title');
    this.accounts = page.locator('.table tbody tr');
  }

  async backToMembers(): Promise<void> {
    await this.page.getByRole('link', { name: say(this.words, 'members.back') }).click();
  }
}
