import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Prepaid IDs: issue (the notice shown once), register, a member's IDs and balances. */
export class PrepaidPage {
  readonly heading: Locator;
  readonly issued: Locator;
  readonly registered: Locator;
  readonly ids: Locator;
  /** The sentence naming the new code's last characters (random: a new code each run). */
  readonly codeHint: Locator;
  readonly idsTable: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'prepaid.title'), level: 1 });
    this.issued = page.locator('.issued-code');
    this.registered = page.locator('form[aria-labelledby="register-title"] p.notice');
    this.ids = page.locator('table.prepaid-ids tbody tr');
    this.codeHint = page.locator('.issued-code .notice');
    this.idsTable = page.locator('table.prepaid-ids');
  }

  async issueId(statementNumber: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'prepaidForm.statementNumber')).fill(statementNumber);
    await this.page.getByRole('button', { name: say(this.words, 'prepaid.issueSubmit') }).click();
  }

  async register(cloudAccountCode: string, code: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'prepaidForm.cloudAccountCode')).fill(cloudAccountCode);
    await this.page.getByRole('textbox', { name: say(this.words, 'prepaidForm.code'), exact: true }).fill(code);
    await this.page.getByRole('button', { name: say(this.words, 'prepaid.registerSubmit') }).click();
  }

  async lookUp(memberNumber: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'prepaid.lookup')).fill(memberNumber);
  }
}
