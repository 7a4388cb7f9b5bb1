import type { Locator, Page } from 'playwright-core';
import { AuditLogPage } from './audit-log-page';
import { MembersPage } from './members-page';
import { en, ja, say, type Messages } from './words';

/** The header and the job menu, present on every screen once signed in. */
export class AppShell {
  readonly operator: Locator;
  readonly nav: Locator;
  readonly main: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.operator = page.locator('.shell__operator');
    this.nav = page.getByRole('navigation', { name: say(words, 'nav.label') });
    this.main = page.locator('main');
  }

  link(key: Parameters<typeof say>[1]): Locator {
    return this.nav.getByRole('link', { name: say(this.words, key), exact: true });
  }

  /** The job menu as the operator sees it, in order. */
  async menu(): Promise<string[]> {
    await this.nav.getByRole('link').first().waitFor();
    return this.nav.getByRole('link').allTextContents();
  }

  /** Opens a job by its address, as a bookmark or a typed URL would. */
  async openAddress(route: string): Promise<void> {
    await this.page.evaluate((hash) => (window.location.hash = hash), `#/${route}`);
  }

  async goToMembers(): Promise<MembersPage> {
    await this.link('nav.members').click();
    return new MembersPage(this.page, this.words);
  }

  async goToAuditLog(): Promise<AuditLogPage> {
    await this.link('nav.audit').click();
    return new AuditLogPage(this.page, this.words);
  }

  async goTo(key: Parameters<typeof say>[1]): Promise<void> {
    await this.link(key).click();
  }

  /** The header's language buttons: each is labelled in its own language. */
  async switchLanguage(language: 'ja' | 'en'): Promise<AppShell> {
    await this.page.getByRole('button', { name: language === 'ja' ? ja['lang.ja'] : en['lang.en'] }).click();
    return new AppShell(this.page, language === 'ja' ? ja : en);
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'header.signOut') }).click();
  }
}
