import type { Locator, Page } from 'playwright-core';
import { fillSeller, type SellerEntry } from './seller-page';
import { SignInPage } from './sign-in-page';
import { say, type Messages } from './words';

export class FirstRunPage {
  readonly heading: Locator;
  readonly login: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly passwordAgain: Locator;
  readonly progress: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'firstRun.title') });
    this.login = page.getByLabel(say(words, 'firstRun.login'));
    this.displayName = page.getByLabel(say(words, 'firstRun.displayName'));
    this.password = page.getByLabel(say(words, 'firstRun.password'), { exact: true });
    this.passwordAgain = page.getByLabel(say(words, 'firstRun.passwordConfirm'));
    this.progress = page.getByRole('progressbar', { name: say(words, 'firstRun.loadingDemo') });
  }

  /** The first administrator, and the seller the first run asks for with them (R-TAX-5). */
  async createFirstAdmin(
    admin: { login: string; displayName: string; password: string },
    seller: SellerEntry = { name: '株式会社テストクラウド', address: '東京都千代田区丸の内1-1-1' },
  ): Promise<SignInPage> {
    await fillSeller(this.page, this.words, seller);
    await this.login.fill(admin.login);
    await this.displayName.fill(admin.displayName);
    await this.password.fill(admin.password);
    await this.passwordAgain.fill(admin.password);
    await this.passwordAgain.press('Enter');
    return new SignInPage(this.page, this.words);
  }

  async loadDemoData(): Promise<SignInPage> {
    await this.page.getByRole('button', { name: say(this.words, 'firstRun.loadDemo') }).click();
    return new SignInPage(this.page, this.words);
  }

  errorUnder(field: Locator): Locator {
    return errorOf(this.page, field);
  }
}

/** The error message tied to a control by aria-describedby: the words shown right under that field. */
export function errorOf(page: Page, field: Locator): Locator {
  return page.locator('.field').filter({ has: field }).locator('.field__error');
}
