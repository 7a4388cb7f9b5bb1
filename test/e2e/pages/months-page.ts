import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** The month overview (usage → months) and a closed month's statements: filter, print in one PDF, mark sent. */
export class MonthsPage {
  readonly heading: Locator;
  readonly statements: Locator;
  readonly statementRows: Locator;
  readonly said: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'months.title'), level: 1 });
    this.statements = page.locator('section[aria-labelledby="month-statements-title"]');
    this.statementRows = this.statements.locator('table tbody tr');
    this.said = this.statements.locator('p.notice');
  }

  /** From the usage screen, as a person would: the link to the months. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: say(this.words, 'nav.months') }).click();
    await this.heading.waitFor();
  }

  month(month: string): Locator {
    return this.page.locator(`table.months-table tr[data-month="${month}"]`);
  }

  async showStatements(month: string): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'months.show', { month }) }).click();
    await this.statements.waitFor();
  }

  async onlyMethod(method: 'bank_transfer' | 'direct_debit' | 'credit_card'): Promise<void> {
    await this.statements.getByLabel(say(this.words, 'statements.method')).selectOption(method);
  }

  async onlyNotYetDelivered(): Promise<void> {
    await this.statements.getByLabel(say(this.words, 'statements.notYet')).check();
  }

  async printShown(count: number): Promise<void> {
    await this.statements.getByRole('button', { name: say(this.words, 'statements.print', { count }) }).click();
  }

  async markShownSent(count: number): Promise<void> {
    await this.statements.getByRole('button', { name: say(this.words, 'statements.markSent', { count }) }).click();
  }
}
