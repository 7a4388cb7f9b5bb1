import type { Locator, Page } from 'playwright-core';
import { MemberDetailPage } from './member-detail-page';
import { MemberFormPage } from './member-form-page';
import { say, type Messages } from './words';

export class MembersPage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  readonly status: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'members.title'), level: 1 });
    this.searchBox = page.getByRole('searchbox', { name: say(words, 'members.search') });
    this.status = page.locator('.search-bar [role=status]');
    this.rows = page.locator('.member-list__scroller [role=row]');
  }

  async searchFor(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async openMember(text: string): Promise<MemberDetailPage> {
    await this.row(text).first().click();
    return new MemberDetailPage(this.page, this.words);
  }

  /** From the search box: Down to the first result, Enter to open it. */
  async openFirstResultWithKeyboard(): Promise<MemberDetailPage> {
    await this.searchBox.press('ArrowDown');
    await this.page.keyboard.press('Enter');
    return new MemberDetailPage(this.page, this.words);
  }

  async startNewMember(): Promise<MemberFormPage> {
    await this.page.getByRole('link', { name: say(this.words, 'members.new') }).click();
    return new MemberFormPage(this.page, this.words);
  }
}
