import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Unpaid bills (payments.aging): the totals by age with their bar chart, and each account's row. */
export class ReceivablesPage {
  readonly heading: Locator;
  readonly chart: Locator;
  readonly rows: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'receivables.title'), level: 1 });
    this.chart = page.getByRole('figure', { name: say(words, 'receivables.chart') });
    this.rows = page.locator('table.receivables-table tbody tr');
  }

  /** From the dunning board, as a person would. */
  async open(): Promise<void> {
    await this.page.getByRole('link', { name: say(this.words, 'nav.receivables') }).click();
    await this.heading.waitFor();
  }

  account(code: string): Locator {
    return this.page.locator(`table.receivables-table tr[data-account="${code}"]`);
  }
}
