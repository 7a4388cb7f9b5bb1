import type { Locator, Page } from 'playwright-core';
import { say, type Messages } from './words';

/** Usage and month close: import a usage file, close a month, its bills and statements. */
export class UsagePage {
  readonly heading: Locator;
  readonly imported: Locator;
  readonly closed: Locator;
  readonly closing: Locator;
  /** The words beside the bar: the month, done / bills and the seconds elapsed. */
  readonly closingStatus: Locator;
  readonly bills: Locator;
  readonly preview: Locator;

  constructor(
    readonly page: Page,
    readonly words: Messages,
  ) {
    this.heading = page.getByRole('heading', { name: say(words, 'usage.title'), level: 1 });
    this.imported = page.locator('section[aria-labelledby="usage-import-title"] p.notice');
    this.closed = page.locator('form[aria-labelledby="close-title"] p.notice');
    this.closing = page.locator('form[aria-labelledby="close-title"] progress');
    this.closingStatus = page.locator('form[aria-labelledby="close-title"] .close-progress [role="status"]');
    this.bills = page.locator('table.bills-table tbody tr');
    this.preview = page.locator('.file-preview');
  }

  /** Shows a month's bills (typed as a person types it). */
  async showMonth(month: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'usage.showMonth')).fill(month);
  }

  /** The bills list's search, paid filter, the count beside them and its pager. */
  async searchBills(text: string): Promise<void> {
    await this.page.getByRole('searchbox', { name: say(this.words, 'bills.search') }).fill(text);
  }

  async billsPaid(filter: 'all' | 'unpaid' | 'paid'): Promise<void> {
    await this.page.getByLabel(say(this.words, 'bills.paidFilter')).selectOption(filter);
  }

  get billsFound(): Locator {
    return this.page.locator('section.bills .search-bar [role="status"]');
  }

  get billsPager(): Locator {
    return this.page.getByRole('navigation', { name: say(this.words, 'bills.pages') });
  }

  async nextBills(): Promise<void> {
    await this.billsPager.getByRole('button', { name: say(this.words, 'common.next') }).click();
  }

  async importUsage(name: string, content: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: say(this.words, 'usage.pick') }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
  }

  /** Types a month and asks to close it; a month that cannot be closed is refused before any confirmation. */
  async submitClose(month: string): Promise<void> {
    await this.page.getByLabel(say(this.words, 'closeForm.month')).fill(month);
    await this.page.getByRole('button', { name: say(this.words, 'usage.closeSubmit') }).click();
  }

  /** Asks to close the month: the confirmation naming its bills and total appears (nothing is closed yet). */
  async askToClose(month: string): Promise<Locator> {
    await this.submitClose(month);
    const confirm = this.page.getByRole('alertdialog', { name: say(this.words, 'closeConfirm.title', { month }) });
    await confirm.waitFor();
    return confirm;
  }

  /** Closes the month, confirming what the confirmation names. */
  async closeMonth(month: string): Promise<void> {
    const confirm = await this.askToClose(month);
    await confirm.getByRole('button', { name: say(this.words, 'closeConfirm.confirm', { month }) }).click();
  }

  /** Prints the month's statements in one action (one volume). */
  async printMonth(month: string, count: number): Promise<void> {
    await this.page.getByRole('button', { name: say(this.words, 'usage.printMonth', { month, count }) }).click();
  }

  /** The usage imports table's row of an import. */
  usageImport(id: number): Locator {
    return this.page.locator(`table.usage-imports tr[data-import="${id}"]`);
  }

  /** Ticks "replace an import holding the same account's month" before importing. */
  async replaceOnImport(): Promise<void> {
    await this.page.getByLabel(say(this.words, 'imports.replace')).check();
  }

  /** Withdraws an open month's import, confirming it. */
  async withdrawImport(id: number): Promise<void> {
    await this.usageImport(id)
      .getByRole('button', { name: say(this.words, 'imports.withdrawButton', { id }) })
      .click();
    const confirm = this.page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: say(this.words, 'imports.withdrawButton', { id }) }).click();
  }

  async openStatement(statementNumber: string): Promise<void> {
    await this.page
      .getByRole('button', { name: say(this.words, 'usage.preview', { number: statementNumber }) })
      .click();
  }
}
