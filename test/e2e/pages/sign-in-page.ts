import type { Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';
import { say, type Messages } from './words';

export class SignInPage {
  readonly heading: Locator;
  readonly notice: Locator;
  readonly login: Locator;
  readonly password: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'signIn.title') });
    this.notice = page.locator('.notice');
    this.login = page.getByLabel(say(words, 'signIn.login'));
    this.password = page.getByLabel(say(words, 'signIn.password'));
  }

  /** Types the login and password and presses Enter, as a person would. */
  async signIn(login: string, password: string): Promise<AppShell> {
    await this.login.fill(login);
    await this.password.fill(password);
    await this.password.press('Enter');
    return new AppShell(this.page, this.words);
  }
}
