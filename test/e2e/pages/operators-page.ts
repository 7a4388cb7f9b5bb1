import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** The admin's operator screen: the list with each operator's actions, the reset form, the form to add one. */
export class OperatorsPage {
  readonly heading: Locator;
  readonly list: Locator;
  readonly notice: Locator;
  readonly login: Locator;
  readonly displayName: Locator;
  readonly password: Locator;
  readonly resetPassword: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'operators.title'), level: 1 });
    this.list = page.getByRole('table', { name: say(words, 'operators.listLabel') });
    this.notice = page.locator('main .notice');
    this.login = page.getByLabel(say(words, 'operators.create.login'), { exact: true });
    this.displayName = page.getByLabel(say(words, 'operators.create.displayName'), { exact: true });
    this.password = page.getByLabel(say(words, 'operators.create.password'), { exact: true });
    this.resetPassword = page.getByLabel(say(words, 'operators.reset.password'), { exact: true });
  }

  row(login: string): Locator {
    return this.list.getByRole('row').filter({ has: this.page.getByRole('cell', { name: login, exact: true }) });
  }

  /** The state column of an operator's row (有効, 無効…). */
  stateOf(login: string): Promise<string | null> {
    return this.row(login).getByRole('cell').nth(3).textContent();
  }

  errorUnder(field: Locator): Locator {
    return field.locator('xpath=following-sibling::p[contains(@class, "field__error")]');
  }

  /** Fills the form to add an operator and sends it. */
  async add(operator: { login: string; displayName: string; password: string; roles: string[] }): Promise<void> {
    await this.login.fill(operator.login);
    await this.displayName.fill(operator.displayName);
    await this.password.fill(operator.password);
    for (const role of operator.roles) await this.page.getByRole('checkbox', { name: role, exact: true }).check();
    await this.page.getByRole('button', { name: say(this.words, 'operators.create.submit') }).click();
  }

  async deactivate(login: string): Promise<void> {
    await this.row(login)
      .getByRole('button', { name: say(this.words, 'operators.deactivate') })
      .click();
  }

  async reactivate(login: string): Promise<void> {
    await this.row(login)
      .getByRole('button', { name: say(this.words, 'operators.reactivate') })
      .click();
  }

  /** Opens the reset form for the operator, types the temporary password and sends it. */
  async reset(login: string, password: string): Promise<void> {
    await this.row(login)
      .getByRole('button', { name: say(this.words, 'operators.resetPassword') })
      .click();
    await this.resetPassword.fill(password);
    await this.page.getByRole('button', { name: say(this.words, 'operators.reset.submit') }).click();
  }
}
